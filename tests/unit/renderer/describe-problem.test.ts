import { describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../../src/shared/domain/store-problem';
import {
  backupTime,
  fileName,
  mergeProblems,
  problemOutcome,
} from '../../../src/renderer/store-problems/describe-problem';

const problem = (extra: Partial<StoreProblem> = {}): StoreProblem => ({
  file: '/data/settings.json',
  kind: 'invalid-json',
  detail: 'Unexpected token',
  at: '2024-05-01T10:22:33.123Z',
  ...extra,
});

describe('problemOutcome', () => {
  it('says what the store did', () => {
    expect(problemOutcome(problem({ movedTo: '/q/x', restoredFrom: '/b/x.20240501T102233123Z.bak' }))).toBe(
      'restored-from-backup',
    );
    expect(problemOutcome(problem({ movedTo: '/q/x' }))).toBe('started-empty');
    expect(problemOutcome(problem({ kind: 'newer-schema' }))).toBe('left-read-only');
    expect(problemOutcome(problem({ kind: 'journal-torn-tail', movedTo: '/q/x.torn' }))).toBe('damaged-part-set-aside');
  });
});

describe('backupTime', () => {
  it('reads the UTC time in a backup name', () => {
    expect(backupTime('/data/backups/settings.json.20240501T102233123Z.bak')?.toISOString()).toBe(
      '2024-05-01T10:22:33.123Z',
    );
    expect(backupTime('C:\\data\\backups\\leads__0a.json.20240501T102233123Z-2.bak')?.toISOString()).toBe(
      '2024-05-01T10:22:33.123Z',
    );
  });

  it('returns null for other names', () => {
    expect(backupTime('/data/backups/settings.json.bak')).toBeNull();
  });
});

describe('fileName', () => {
  it('keeps the last segment on either separator', () => {
    expect(fileName('/data/leads/0a.json')).toBe('0a.json');
    expect(fileName('C:\\Relance\\settings.json')).toBe('settings.json');
    expect(fileName('settings.json')).toBe('settings.json');
  });
});

describe('mergeProblems', () => {
  it('drops problems already listed (same file, kind and time)', () => {
    const a = problem();
    const b = problem({ file: '/data/other.json' });
    expect(mergeProblems([a], [{ ...a }, b, b])).toEqual([a, b]);
  });
});
