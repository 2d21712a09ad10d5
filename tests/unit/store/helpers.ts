import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { CallRecord } from '../../../src/shared/domain/call-record';
import { newRecordId } from '../../../src/core/store/ids';

const dirs: string[] = [];

/** A fresh temp dir removed after the test. */
export function tempDir(prefix = 'relance-store-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let n = 0;
export function makeCall(overrides: Partial<CallRecord> = {}, at = Date.now()): CallRecord {
  n++;
  return {
    id: newRecordId(at),
    v: 1,
    leadId: `lead-${n % 7}`,
    number: '+33612345678',
    direction: 'outbound',
    startedAt: new Date(at).toISOString(),
    ...overrides,
  };
}

/** Every file under dir with its size, mtime and content hash: to prove nothing changed. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        out[path.relative(dir, full) + '/'] = 'dir';
        walk(full);
      } else {
        const st = statSync(full);
        out[path.relative(dir, full)] =
          `${st.size}:${st.mtimeMs}:${createHash('sha1').update(readFileSync(full)).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** A controllable clock. */
export function clock(start = Date.UTC(2025, 2, 10, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}
