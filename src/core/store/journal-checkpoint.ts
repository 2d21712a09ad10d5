import { readFile } from 'node:fs/promises';
import { classifyJsonBytes } from './classify';

export const CHECKPOINT_VERSION = 1;

export interface SegmentCheckpoint {
  /** Bytes of the segment covered (always ends at a line boundary). */
  bytes: number;
  /** Lines in those bytes, to number lines found later. */
  lines: number;
  /** Unique valid records in those bytes. */
  count: number;
  /** Bad lines already found in those bytes: re-reported at every open, never dropped. */
  badLines: { line: number; detail: string }[];
}

export interface Checkpoint {
  schemaVersion: number;
  writtenAt: string;
  segments: Record<string, SegmentCheckpoint>;
  projections: Record<string, unknown>;
}

export type CheckpointRead =
  | { status: 'missing' }
  | { status: 'ok'; checkpoint: Checkpoint }
  | {
      status: 'invalid' | 'newer';
      detail: string;
      kind: 'invalid-json' | 'empty' | 'nul-filled' | 'truncated' | 'schema-invalid' | 'newer-schema';
    };

export async function readCheckpoint(file: string): Promise<CheckpointRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw err;
  }
  const parsed = classifyJsonBytes(bytes);
  if (!parsed.ok) return { status: 'invalid', kind: parsed.kind, detail: parsed.detail };
  const cp = parsed.value as Partial<Checkpoint> | null;
  if (!cp || typeof cp !== 'object' || typeof cp.schemaVersion !== 'number' || !cp.segments || !cp.projections) {
    return { status: 'invalid', kind: 'schema-invalid', detail: 'not a journal checkpoint' };
  }
  if (cp.schemaVersion > CHECKPOINT_VERSION) {
    return {
      status: 'newer',
      kind: 'newer-schema',
      detail: `checkpoint schemaVersion ${cp.schemaVersion} is newer than ${CHECKPOINT_VERSION}`,
    };
  }
  return { status: 'ok', checkpoint: cp as Checkpoint };
}
