import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { fold } from './text';

/** A token that reads as part of a phone number: digits with the usual separators. */
const PHONE_TOKEN = /^[+(]?[\d().\-/]*\d[\d().\-/]*$/;

function callingCode(region: string): string | undefined {
  try {
    return getCountryCallingCode(region as CountryCode);
  } catch {
    return undefined;
  }
}

/**
 * Digits of a phone-like query in the form the search key holds: `+33 6 12` and `0033612`
 * become national `0612`, so they match the national digit string of +33612345678.
 */
export function phoneQueryDigits(raw: string, region = 'FR'): string {
  const digits = raw.replace(/\D/g, '');
  const code = callingCode(region);
  if (code) {
    const trimmed = raw.trimStart();
    const international = trimmed.startsWith('+') ? digits : trimmed.startsWith('00') ? digits.slice(2) : null;
    if (international !== null && international.startsWith(code) && international.length > code.length)
      return `0${international.slice(code.length)}`;
  }
  return digits;
}

/**
 * The search box text as the AND of terms matched by substring against each lead's key.
 * Consecutive phone-like tokens form one term ("06 12 34" -> "061234"), so a number typed
 * with spaces is one number, not three words.
 */
export function searchTerms(text: string, region = 'FR'): string[] {
  const terms: string[] = [];
  let phone: string[] = [];
  const flushPhone = () => {
    if (phone.length === 0) return;
    const digits = phoneQueryDigits(phone.join(' '), region);
    if (digits) terms.push(digits);
    phone = [];
  };
  for (const token of text.trim().split(/\s+/)) {
    if (token === '') continue;
    if (PHONE_TOKEN.test(token) || (token === '+' && phone.length === 0)) {
      phone.push(token);
      continue;
    }
    flushPhone();
    // Punctuation around a word ("Martin," or "(Lyon)") is not part of what is sought.
    const word = fold(token).replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, '');
    if (word) terms.push(word);
  }
  flushPhone();
  return [...new Set(terms)];
}
