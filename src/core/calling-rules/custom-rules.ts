import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CUSTOM_RULES, ruleSetPresets, type RuleSet } from '../../shared/domain/calling-rules';
import type { Settings } from '../../shared/domain/settings';
import type { Logger } from '../log';
import { parseRuleSetFile } from './rule-set-file';

/** The dealership's own rule set, beside settings.json in the data folder. */
export const CUSTOM_RULES_FILE_NAME = 'calling-rules.json';

export type RuleSetFileRead = { ok: true; rules: RuleSet } | { ok: false; errors: string[] };

/** Reads and checks a rule set file: the set, or every problem by field path (or why it cannot be read). */
export async function readRuleSetFile(file: string): Promise<RuleSetFileRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`cannot read the file: ${(error as Error).message}`] };
  }
  return parseRuleSetFile(text.replace(/^\uFEFF/, ''));
}

/**
 * The custom set as the app sees it. A missing file means "the built-in starting point"; a file
 * that is there but wrong must stop every call: guessing what the manager meant could call
 * someone the dealership decided not to call.
 */
export type CustomRules =
  | { status: 'missing'; file: string; rules: RuleSet }
  | { status: 'valid'; file: string; rules: RuleSet }
  | { status: 'invalid'; file: string; errors: string[] };

export function customRulesFile(dataDir: string): string {
  return path.join(dataDir, CUSTOM_RULES_FILE_NAME);
}

export async function readCustomRules(dataDir: string): Promise<CustomRules> {
  const file = customRulesFile(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', file, rules: CUSTOM_RULES };
    return { status: 'invalid', file, errors: [`cannot read the file: ${(error as Error).message}`] };
  }
  const parsed = parseRuleSetFile(text.replace(/^\uFEFF/, ''));
  return parsed.ok
    ? { status: 'valid', file, rules: parsed.rules }
    : { status: 'invalid', file, errors: parsed.errors };
}

/** The rule set the settings choose; undefined when they choose a custom file that is invalid. */
export function activeRuleSet(choice: Settings['rules'], custom: CustomRules | undefined): RuleSet | undefined {
  if (choice !== 'custom') return ruleSetPresets[choice];
  if (!custom) return CUSTOM_RULES;
  return custom.status === 'invalid' ? undefined : custom.rules;
}

export interface CustomRulesSource {
  current(): CustomRules;
  /** Reads the file again (a watcher calls this; so can a test or a settings change). */
  reload(): Promise<CustomRules>;
  close(): void;
}

export interface CustomRulesOptions {
  dataDir: string;
  log?: Logger;
  /** Re-read the file when it changes on disk, so a manager's edit applies without a restart. */
  watch?: boolean;
  /** Called after each reload that the watcher triggered. */
  onChange?: (rules: CustomRules) => void;
}

/** Loads `calling-rules.json` once, then keeps it current; an invalid file is logged as an error. */
export async function openCustomRules(options: CustomRulesOptions): Promise<CustomRulesSource> {
  let state = await readCustomRules(options.dataDir);
  const report = (next: CustomRules, previous: CustomRules | undefined) => {
    if (next.status === 'invalid') {
      options.log?.error('calling rules file invalid: the dialer will call no one until it is fixed', {
        file: next.file,
        problems: next.errors,
      });
    } else if (previous?.status === 'invalid' || (previous && previous.status !== next.status)) {
      options.log?.info('calling rules file read', { file: next.file, status: next.status, id: next.rules.id });
    }
  };
  report(state, undefined);

  // Reloads never overlap, and a burst of change events (editors write in several steps) is one more read.
  let reading: Promise<CustomRules> | undefined;
  let again = false;
  const reload = async (): Promise<CustomRules> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        const previous = state;
        state = await readCustomRules(options.dataDir);
        report(state, previous);
      } while (again);
      return state;
    })();
    try {
      return await reading;
    } finally {
      reading = undefined;
    }
  };

  let watcher: FSWatcher | undefined;
  if (options.watch) {
    try {
      // The folder, not the file: the file may not exist yet, and editors replace it by renaming.
      watcher = watch(options.dataDir, { persistent: false }, (_event, name) => {
        if (name !== null && name.toString() !== CUSTOM_RULES_FILE_NAME) return;
        void reload().then(
          (rules) => options.onChange?.(rules),
          (error: unknown) => options.log?.error('calling rules file reload failed', { error: String(error) }),
        );
      });
      watcher.on('error', (error) =>
        options.log?.warn('calling rules file no longer watched', { error: String(error) }),
      );
    } catch (error) {
      options.log?.warn('calling rules file not watched: changes apply at the next start', { error: String(error) });
    }
  }

  return {
    current: () => state,
    reload,
    close: () => watcher?.close(),
  };
}
