import type { z } from 'zod';
import type { voicemailRequests } from '../../shared/domain/voicemail';
import type { VoicemailService } from './voicemail-service';

type Table = typeof voicemailRequests;
export type VoicemailHandlers = {
  [M in keyof Table]: (
    input: z.output<Table[M]['input']>,
  ) => Promise<z.output<Table[M]['output']>> | z.output<Table[M]['output']>;
};

/** The voicemail requests (`voicemailRequests` in src/shared/domain/voicemail.ts). */
export function voicemailHandlers(service: VoicemailService): VoicemailHandlers {
  return {
    'voicemail.list': () => service.list(),
    'voicemail.save': (input) => service.save(input),
    'voicemail.rename': ({ id, name }) => service.rename(id, name),
    'voicemail.get': ({ id }) => service.get(id),
    'voicemail.delete': ({ id }) => service.delete(id),
    'voicemail.setDefault': ({ id }) => service.setDefault(id),
    'voicemail.canDrop': (input) => service.canDrop(input),
    'voicemail.logDrop': (input) => service.logDrop(input),
  };
}
