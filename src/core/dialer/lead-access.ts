import type { Lead, Stage } from '../../shared/domain/lead';
import type { ParsedLeadQuery } from '../../shared/domain/lead-query';
import type { LeadService } from '../leads/lead-service';

/** The lead operations the dialer and the outcomes use; every write goes through the lead service. */
export interface LeadAccess {
  /** Resolves once leads are loaded and indexed; `peek` and `query` need it. */
  ready(): Promise<void>;
  peek(id: string): Lead | undefined;
  query(query: ParsedLeadQuery): Lead[];
  addNote(id: string, text: string): Promise<Lead>;
  setStage(id: string, stage: Stage): Promise<Lead>;
  setCallback(input: { id: string; dueAt: string; scope: 'owner' | 'anyone'; owner?: string }): Promise<Lead>;
  completeCallback(id: string, callbackId: string): Promise<Lead>;
  revokeConsent(id: string, consentId: string): Promise<Lead>;
}

export function leadAccess(service: LeadService): LeadAccess {
  let get: ((id: string) => Lead | undefined) | undefined;
  return {
    async ready() {
      const { collection } = await service.ready();
      get = (id) => collection.get(id) as Lead | undefined;
    },
    peek(id) {
      if (!get) throw new Error('leads are still loading');
      return get(id);
    },
    query: (q) => service.query(q),
    addNote: (id, text) => service.addNote(id, text),
    setStage: (id, stage) => service.setStage(id, stage),
    setCallback: (input) => service.setCallback(input),
    completeCallback: (id, callbackId) => service.completeCallback(id, callbackId),
    revokeConsent: (id, consentId) => service.revokeConsent(id, consentId),
  };
}
