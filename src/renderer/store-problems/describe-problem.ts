import type { StoreProblem } from '../../shared/domain/store-problem';

/** What the store did about the damage, which decides the sentence the user reads. */
export type ProblemOutcome = 'restored-from-backup' | 'started-empty' | 'left-read-only' | 'damaged-part-set-aside';

export function problemOutcome(problem: StoreProblem): ProblemOutcome {
  if (problem.restoredFrom) return 'restored-from-backup';
  if (problem.kind === 'newer-schema') return 'left-read-only';
  if (problem.kind === 'journal-torn-tail' || problem.kind === 'journal-bad-line') return 'damaged-part-set-aside';
  return 'started-empty';
}

/** Backups are named `<file>.20240501T102233123Z.bak` (UTC); the time in the name is when the backup was taken. */
export function backupTime(path: string): Date | null {
  const m = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z(?:-\d+)?\.bak$/.exec(path);
  if (!m) return null;
  const n = (group: number) => Number(m[group]);
  const time = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6), n(7));
  return Number.isNaN(time) ? null : new Date(time);
}

/** Last path segment, for a short title; the full path is shown too so it can be found on disk. */
export const fileName = (path: string): string => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;

/** The same problem can arrive twice (listed at start and pushed as an event). */
export const problemKey = (problem: StoreProblem): string => `${problem.file}\u0000${problem.kind}\u0000${problem.at}`;

export function mergeProblems(current: readonly StoreProblem[], incoming: readonly StoreProblem[]): StoreProblem[] {
  const seen = new Set(current.map(problemKey));
  const merged = [...current];
  for (const problem of incoming) {
    if (seen.has(problemKey(problem))) continue;
    seen.add(problemKey(problem));
    merged.push(problem);
  }
  return merged;
}
