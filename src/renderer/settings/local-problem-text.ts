import type { LocalProblem, LocalProblemDetail, WholeNumberUnit } from './form-model';

type WholeNumberProblem = 'not-a-whole-number' | 'out-of-range';
type OtherProblem = Exclude<LocalProblem, WholeNumberProblem>;

export interface LocalProblemText {
  key: `settings.local.${OtherProblem}` | `settings.local.${WholeNumberProblem}.${WholeNumberUnit}`;
  values: { line?: number; min?: string; max?: string };
}

/**
 * The sentence for a problem found before sending. A whole-number problem is worded in the field's
 * own unit and range ("between 5 and 120 s"), with the bounds written the UI language's way (10 000).
 */
export function localProblemText(detail: LocalProblemDetail, language: string): LocalProblemText {
  if ('limits' in detail) {
    const { unit, min, max } = detail.limits;
    const number = new Intl.NumberFormat(language);
    return {
      key: `settings.local.${detail.problem}.${unit}`,
      values: { min: number.format(min), max: number.format(max) },
    };
  }
  return { key: `settings.local.${detail.problem}`, values: 'line' in detail ? { line: detail.line } : {} };
}
