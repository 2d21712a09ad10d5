import type { Handlers } from '../../../shared/contract';
import { AppFailure } from '../../../shared/result';
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
}

export type ImportExportHandlers = Pick<
  Handlers,
  'leads.inspectImport' | 'leads.import' | 'leads.mappingPresets' | 'leads.saveMappingPreset' | 'leads.export'
>;

export function importExportHandlers(deps: ImportExportDeps): ImportExportHandlers {
  return {
    'leads.inspectImport': ({ contentBase64 }) => inspectImport(decodeBase64(contentBase64)),
    'leads.import': async ({ fileName, contentBase64, format, mapping, keepValid, dryRun }) => {
      const { report, rejectsCsv } = await runImport(
        {
          fileName,
          bytes: decodeBase64(contentBase64),
          keepValid,
          dryRun,
          region: deps.defaultRegion(),
          ...(format ? { format } : {}),
          ...(mapping ? { mapping } : {}),
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

/** Buffer.from(…, 'base64') silently skips junk; a file that is not base64 must say so. */
function decodeBase64(value: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1)
    throw new AppFailure('invalid-request', 'contentBase64 is not base64', 'contentBase64');
  return Buffer.from(value, 'base64');
}
