import type { Disposition } from '../../shared/domain/disposition';
import type { Lead, Stage } from '../../shared/domain/lead';

export interface LeadChanges {
  /** Consents covering the number, to revoke ("do not call again"). */
  revokeConsentIds: string[];
  stage?: Stage;
  /** Pending callbacks due by now that this call answered. */
  completeCallbackIds: string[];
}

/** What a call's disposition changes on its lead. Pure. */
export function leadChanges(
  lead: Pick<Lead, 'stage' | 'consents' | 'callbacks'>,
  disposition: Pick<Disposition, 'stage' | 'contact' | 'doNotCall'>,
  number: string,
  now: number,
  seller: string,
): LeadChanges {
  const changes: LeadChanges = { revokeConsentIds: [], completeCallbackIds: [] };
  if (disposition.doNotCall)
    changes.revokeConsentIds = lead.consents.filter((c) => c.number === number && !c.revokedAt).map((c) => c.id);
  const rule = disposition.stage;
  if (rule && rule.to !== lead.stage && (!rule.onlyFrom || rule.onlyFrom.includes(lead.stage))) changes.stage = rule.to;
  if (disposition.contact)
    changes.completeCallbackIds = lead.callbacks
      .filter(
        (c) => c.status === 'pending' && Date.parse(c.dueAt) <= now && (c.scope === 'anyone' || c.owner === seller),
      )
      .map((c) => c.id);
  return changes;
}
