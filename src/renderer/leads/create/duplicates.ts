import type { LeadDraft } from '../../../shared/domain/lead';

/** What the new-lead form asks before creating: the numbers and e-mail a double would share. */
export function duplicateQuery(draft: LeadDraft): { phones: string[]; email?: string } {
  const email = draft.contact.email?.trim();
  return { phones: draft.contact.phones.map((p) => p.e164), ...(email ? { email } : {}) };
}

/**
 * The form's values as one string: "create anyway" holds for the values the warning was about,
 * and a changed number or e-mail asks again.
 */
export function duplicateKey(draft: LeadDraft): string {
  const { phones, email } = duplicateQuery(draft);
  return JSON.stringify([phones, email?.toLowerCase() ?? '']);
}
