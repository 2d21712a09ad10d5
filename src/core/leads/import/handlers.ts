import type { EventPayload, Handlers } from '../../../shared/contract';
import type { ImportProgress } from '../../../shared/domain/import-report';
import type { Locale } from '../../../shared/domain/settings';
import { AppFailure } from '../../../shared/result';
import { isBase64Text } from '../../base64';
import { exportLeads } from '../export/export-leads';
import { inspectImport } from './inspect';
import type { PresetStore } from './presets';
import { runImport } from './run-import';
import type { ImportTarget, LeadSource } from './target';

export interface ImportExportDeps {
  target: ImportTarget & LeadSource;
  presets: PresetStore;
  now: () => Date;
  /** settings.defaultRegion: reads national phone numbers. */
  defaultRegion: () => string;
  /** settings.locale: the language of the rejects file. French when not given. */
  locale?: () => Locale;
  /** Emits `leads.importProgress` on core's bus. */
  progress?: (event: EventPayload<'leads.importProgress'>) => void;
}

/** A screen redraws at most this often; the phase change and the end of reading always go. */
export const PROGRESS_EVERY_MS = 100;

/**
 * An import's progress as events for its screen: every phase change and the last share read,
 * and otherwise at most one event per PROGRESS_EVERY_MS (a 100k-row file reads 100 batches).
 */
export function progressEvents(
  progressId: string,
  send: (event: EventPayload<'leads.importProgress'>) => void,
  now: () => number,
): (progress: ImportProgress) => void {
  let last: { phase: ImportProgress['phase']; at: number } | undefined;
  return (progress) => {
    const at = now();
    const due =
      !last ||
      last.phase !== progress.phase ||
      (progress.phase === 'reading' && progress.read === 1) ||
      at - last.at >= PROGRESS_EVERY_MS;
    if (!due) return;
    last = { phase: progress.phase, at };
    send({ progressId, progress });
  };
}

export type ImportExportHandlers = Pick<
  Handlers,
  'leads.inspectImport' | 'leads.import' | 'leads.mappingPresets' | 'leads.saveMappingPreset' | 'leads.export'
>;

export function importExportHandlers(deps: ImportExportDeps): ImportExportHandlers {
  return {
    'leads.inspectImport': ({ contentBase64 }) => inspectImport(decodeBase64(contentBase64)),
    'leads.import': async ({ fileName, contentBase64, format, mapping, keepValid, dryRun, progressId }) => {
      const send = deps.progress;
      const onProgress = progressId && send ? progressEvents(progressId, send, () => deps.now().getTime()) : undefined;
      const { report, rejectsCsv } = await runImport(
        {
          fileName,
          bytes: decodeBase64(contentBase64),
          keepValid,
          dryRun,
          region: deps.defaultRegion(),
          locale: deps.locale?.() ?? 'fr',
          ...(format ? { format } : {}),
          ...(mapping ? { mapping } : {}),
          ...(onProgress ? { onProgress } : {}),
        },
        deps.target,
      );
      return {
        ...report,
        ...(rejectsCsv ? { rejectsCsvBase64: Buffer.from(rejectsCsv, 'utf8').toString('base64') } : {}),
      };
    },
    'leads.mappingPresets': () => deps.presets.list(),
    'leads.saveMappingPreset': (preset) => deps.presets.save(preset),
    'leads.export': (request) => exportLeads(deps.target, request, deps.now()),
  };
}

/** A file that is not base64 says so (see isBase64Text). */
function decodeBase64(value: string): Uint8Array {
  if (!isBase64Text(value) || value.length % 4 === 1)
    throw new AppFailure('invalid-request', 'contentBase64 is not base64', 'contentBase64');
  return Buffer.from(value, 'base64');
}
