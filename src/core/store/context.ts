import { Backups, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import { nodeFs, type FsDeps } from './fs-deps';
import type { ProblemSink, StoreProblem } from './problems';

/** What every file of one data dir shares: clock, fs, backups and where problems go. */
export interface StoreContext {
  dataDir: string;
  now: () => number;
  fs: FsDeps;
  backups: Backups;
  report: ProblemSink;
}

export interface ContextOptions {
  now?: () => number;
  fs?: FsDeps;
  backupPolicy?: BackupPolicy;
  report?: ProblemSink;
}

export function createContext(
  dataDir: string,
  options: ContextOptions = {},
): StoreContext & { problems: StoreProblem[] } {
  const now = options.now ?? Date.now;
  const fs = options.fs ?? nodeFs;
  const problems: StoreProblem[] = [];
  return {
    dataDir,
    now,
    fs,
    backups: new Backups(dataDir, now, options.backupPolicy ?? DEFAULT_BACKUP_POLICY, fs),
    problems,
    report: (p) => {
      problems.push(p);
      options.report?.(p);
    },
  };
}
