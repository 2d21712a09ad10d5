import type { SettingsView } from '../../shared/domain/settings';
import { buildDiagnosticsZip } from './build-zip';

export interface DiagnosticsDeps {
  dataDir: string;
  version: string;
  shell: 'electron' | 'web';
  settings: () => Promise<SettingsView>;
  /** Written lines reach the files before they are zipped. */
  flushLogs?: () => Promise<void>;
  shellFacts?: () => Record<string, unknown>;
  now?: () => Date;
}

export interface DiagnosticsExport {
  fileName: string;
  mimeType: 'application/zip';
  contentBase64: string;
  bytes: number;
  entries: string[];
}

/**
 * Core's handler for `diagnostics.export` ("Export diagnostics" in Settings). Typed here until
 * the contract carries the request; app-core spreads it into its handlers.
 */
export function diagnosticsHandlers(deps: DiagnosticsDeps) {
  return {
    'diagnostics.export': async (): Promise<DiagnosticsExport> => {
      await deps.flushLogs?.();
      const zip = await buildDiagnosticsZip({
        dataDir: deps.dataDir,
        app: { version: deps.version, shell: deps.shell },
        settings: await deps.settings(),
        ...(deps.shellFacts ? { shellFacts: deps.shellFacts() } : {}),
        ...(deps.now ? { now: deps.now() } : {}),
      });
      return {
        fileName: zip.fileName,
        mimeType: 'application/zip',
        contentBase64: Buffer.from(zip.bytes).toString('base64'),
        bytes: zip.bytes.length,
        entries: zip.entries,
      };
    },
  };
}
