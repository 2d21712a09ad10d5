import { leadDisplayName, type Lead, type Phone, type Stage } from '../../shared/domain/lead';

export type ConsentState = 'given' | 'none' | 'revoked';

export interface LeadCardFacts {
  name: string;
  stage: Stage;
  owner?: string;
  numbers: (Pick<Phone, 'e164' | 'type' | 'preferred'> & { dialed: boolean })[];
  /** "Peugeot 3008 GT 2023": what the lead wants to buy, lease or try. */
  vehicle?: string;
  /** Consent for the number being called (the rules ask per number). */
  consent: ConsentState;
  callback?: { dueAt: string; overdue: boolean; note?: string };
  /** Newest first. */
  notes: { at: string; text: string }[];
}

/** What a seller needs to see in the two seconds before a call. Pure. */
export function leadCardFacts(lead: Lead, dialedNumber: string, now: number, maxNotes = 3): LeadCardFacts {
  const consents = lead.consents.filter((c) => c.number === dialedNumber);
  const consent: ConsentState = consents.some((c) => !c.revokedAt) ? 'given' : consents.length > 0 ? 'revoked' : 'none';
  const vehicle = lead.vehicles[0];
  const pending = lead.callbacks
    .filter((c) => c.status === 'pending')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  const notes = lead.timeline
    .filter((e): e is Extract<Lead['timeline'][number], { kind: 'note' }> => e.kind === 'note')
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, maxNotes)
    .map((e) => ({ at: e.at, text: e.text }));
  return {
    name: leadDisplayName(lead.contact),
    stage: lead.stage,
    ...(lead.owner ? { owner: lead.owner } : {}),
    numbers: lead.contact.phones
      .filter((p) => p.type !== 'fax')
      .map((p) => ({ e164: p.e164, type: p.type, preferred: p.preferred, dialed: p.e164 === dialedNumber })),
    ...(vehicle
      ? { vehicle: [vehicle.make, vehicle.model, vehicle.trim, vehicle.year].filter(Boolean).join(' ') }
      : {}),
    consent,
    ...(pending
      ? {
          callback: {
            dueAt: pending.dueAt,
            overdue: Date.parse(pending.dueAt) < now,
            ...(pending.note ? { note: pending.note } : {}),
          },
        }
      : {}),
    notes,
  };
}
