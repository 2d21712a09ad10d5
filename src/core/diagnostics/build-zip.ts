import { readFile, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SettingsView } from '../../shared/domain/settings';
import { redact } from '../log';
import { logsDir } from '../log-files/file-logs';
import { redactText } from '../log-files/redact';
import { checkStore } from '../store/check';
import { lastCallSummaries } from './call-summaries';
import { settingsWithoutSecrets } from './settings-snapshot';

export interface DiagnosticsInput {
  dataDir: string;
  app: { version: string; shell: 'electron' | 'web' | 'cli' };
  settings: SettingsView;
  /** What the shell knows and core does not: update status, install kind. */
  shellFacts?: Record<string, unknown>;
  /** Things worth telling the reader (a damaged settings file read as defaults…). */
  notes?: string[];
  now?: Date;
}

export interface DiagnosticsZip {
  fileName: string;
  bytes: Uint8Array;
  /** Paths inside the zip, in order. */
  entries: string[];
}

export const CALLS_IN_DIAGNOSTICS = 50;
const LOG_FILE = /^(main|renderer|sip)(\.\d+)?\.log$/;

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** Home folder shown as ~: the report travels to IT or a vendor, the Windows user name need not. */
const tidyPath = (p: string) => {
  const home = homedir();
  return home && p.startsWith(home) ? `~${p.slice(home.length)}` : p;
};

/** One log line redacted again on the way out (files written by older versions, or by hand). */
function redactLogLine(line: string): string {
  if (!line.startsWith('{')) return redactText(line);
  try {
    return JSON.stringify(redact(JSON.parse(line) as Record<string, unknown>));
  } catch {
    return redactText(line);
  }
}

async function logEntries(dataDir: string): Promise<Record<string, Uint8Array>> {
  const dir = logsDir(dataDir);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => LOG_FILE.test(name)).sort();
  const out: Record<string, Uint8Array> = {};
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => null);
    if (text === null) continue;
    out[`logs/${name}`] = strToU8(text.split('\n').map(redactLogLine).join('\n'));
  }
  return out;
}

function readme(input: DiagnosticsInput, at: Date, entries: string[]): string {
  return [
    `Relance diagnostics, ${at.toISOString()}`,
    `Relance ${input.app.version} (${input.app.shell}), data folder ${tidyPath(input.dataDir)}`,
    '',
    'about.json        versions of Relance, Electron/Chromium/Node, the OS; update status',
    'settings.json     effective settings, who set them (provisioning, locks); no secrets',
    'store-check.json  the check of every data file and the call journal (as `relance db check`)',
    `calls.json        the last ${CALLS_IN_DIAGNOSTICS} calls: times, direction, SIP status, disposition; no notes, numbers masked`,
    'logs/             main.log (app), renderer.log (window), sip.log (signalling); passwords and',
    '                  Authorization headers are redacted',
    '',
    'No lead, note or password is in this file.',
    ...(input.notes?.length ? ['', 'Notes:', ...input.notes.map((n) => `- ${n}`)] : []),
    '',
    'Contents:',
    ...entries.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** Everything IT needs to diagnose a seller's problem, in one zip. Reads only; changes nothing. */
export async function buildDiagnosticsZip(input: DiagnosticsInput): Promise<DiagnosticsZip> {
  const at = input.now ?? new Date();
  const report = await checkStore(input.dataDir);
  const storeCheck = {
    ...report,
    dataDir: tidyPath(report.dataDir),
    files: report.files.map((f) => ({ ...f, file: path.relative(input.dataDir, f.file) || f.file })),
  };
  const about = {
    generatedAt: at.toISOString(),
    app: { name: 'Relance', version: input.app.version, shell: input.app.shell },
    runtime: Object.fromEntries(
      (['node', 'electron', 'chrome', 'v8'] as const)
        .filter((name) => process.versions[name] !== undefined)
        .map((name) => [name, process.versions[name]]),
    ),
    os: {
      platform: process.platform,
      arch: process.arch,
      type: os.type(),
      release: os.release(),
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    },
    dataDir: tidyPath(input.dataDir),
    shell: input.shellFacts ? redact(input.shellFacts) : undefined,
  };
  const files: Zippable = {
    'about.json': json(about),
    'settings.json': json(settingsWithoutSecrets(input.settings)),
    'store-check.json': json(storeCheck),
    'calls.json': json(await lastCallSummaries(input.dataDir, CALLS_IN_DIAGNOSTICS)),
    ...(await logEntries(input.dataDir)),
  };
  const entries = ['README.txt', ...Object.keys(files)];
  const bytes = zipSync({ 'README.txt': strToU8(readme(input, at, entries)), ...files }, { level: 6, mtime: at });
  return { fileName: `relance-diagnostics-${stamp(at)}.zip`, bytes, entries };
}

/** 2025-03-04T10:20:30Z -> 20250304-102030 (UTC; no ':' for Windows file names). */
const stamp = (at: Date) => at.toISOString().slice(0, 19).replace(/-|:/g, '').replace('T', '-');
