import type { Handlers } from '../../shared/contract';
import type { LeadService } from './lead-service';

export type LeadHandlers = Omit<
  Pick<Handlers, Extract<keyof Handlers, `leads.${string}`>>,
  'leads.inspectImport' | 'leads.import' | 'leads.mappingPresets' | 'leads.saveMappingPreset' | 'leads.export'
>;

/** The `leads.*` requests served by the lead service (import/export has its own handlers). */
export function leadHandlers(service: LeadService): LeadHandlers {
  return {
    'leads.search': (input) => service.search(input),
    'leads.get': ({ id }) => service.get(id),
    'leads.create': ({ draft }) => service.create(draft),
    'leads.findDuplicates': (input) => service.findDuplicates(input),
    'leads.update': ({ id, changes }) => service.update(id, changes),
    'leads.setStage': ({ id, stage }) => service.setStage(id, stage),
    'leads.addNote': ({ id, text }) => service.addNote(id, text),
    'leads.setCallback': (input) => service.setCallback(input),
    'leads.completeCallback': ({ id, callbackId }) => service.completeCallback(id, callbackId),
    'leads.snoozeCallback': ({ id, callbackId, dueAt }) => service.snoozeCallback(id, callbackId, dueAt),
    'leads.addConsent': ({ id, consent }) => service.addConsent(id, consent),
    'leads.revokeConsent': ({ id, consentId }) => service.revokeConsent(id, consentId),
    'leads.merge': ({ keepId, otherId }) => service.merge(keepId, otherId),
    'leads.delete': ({ id }) => service.delete(id),
    'leads.undoDelete': ({ undoToken }) => service.undoDelete(undoToken),
    'leads.facets': () => service.facets(),
    'leads.loadSample': ({ count }) => service.loadSample(count),
  };
}
