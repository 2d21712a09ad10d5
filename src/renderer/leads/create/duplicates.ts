import type { Contact, LeadDraft } from '../../../shared/domain/lead';
import type { LeadSummary } from '../../../shared/domain/lead-query';

/** What `leads.findDuplicates` is asked: the numbers and e-mail a double would share. */
export interface DuplicateQuery {
  phones: string[];
  email?: string;
}

const contactQuery = (phones: readonly string[], email: string | undefined): DuplicateQuery => {
  const trimmed = email?.trim();
  return { phones: [...phones], ...(trimmed ? { email: trimmed } : {}) };
};

/** What the new-lead form asks before creating: every number and the e-mail. */
export function duplicateQuery(draft: LeadDraft): DuplicateQuery {
  return contactQuery(
    draft.contact.phones.map((p) => p.e164),
    draft.contact.email,
  );
}

/**
 * What the contact editor asks before saving: only the numbers and e-mail the seller brought in
 * (a lead that already shared a number is not warned about again on each edit); null when there
 * is nothing new to ask about.
 */
export function editedContactQuery(base: Contact, edited: Contact): DuplicateQuery | null {
  const known = new Set(base.phones.map((p) => p.e164));
  const phones = edited.phones.map((p) => p.e164).filter((e164) => !known.has(e164));
  const email = edited.email?.trim();
  const newEmail = email && email.toLowerCase() !== base.email?.trim().toLowerCase() ? email : undefined;
  if (phones.length === 0 && !newEmail) return null;
  return contactQuery(phones, newEmail);
}

/**
 * The values asked about as one string: "create/save anyway" holds for the values the warning was
 * about, and a changed number or e-mail asks again.
 */
export const queryKey = ({ phones, email }: DuplicateQuery): string =>
  JSON.stringify([phones, email?.toLowerCase() ?? '']);

export const duplicateKey = (draft: LeadDraft): string => queryKey(duplicateQuery(draft));

/** The doubles found, without the lead being edited: it holds its own numbers. */
export const otherLeads = (found: readonly LeadSummary[], leadId: string): LeadSummary[] =>
  found.filter((lead) => lead.id !== leadId);
