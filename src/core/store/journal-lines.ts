import { idTime } from './ids';

const NL = 0x0a;
const ID_PREFIX = Buffer.from('{"id":"');
const ID_END = ID_PREFIX.length + 26;

export interface LineInfo {
  /** 1-based line number in the segment. */
  lineNo: number;
  /** Byte offset of the line start in the segment. */
  start: number;
  /** Byte offset just after the line's '\n' (or end of buffer if unterminated). */
  end: number;
  terminated: boolean;
  bytes: Buffer;
}

/** Splits `buf` (read from segment offset `base`, starting at line `firstLine`) into lines. */
export function* splitLines(buf: Buffer, base: number, firstLine: number): Generator<LineInfo> {
  let pos = 0;
  let lineNo = firstLine;
  while (pos < buf.length) {
    const nl = buf.indexOf(NL, pos);
    const terminated = nl >= 0;
    const stop = terminated ? nl : buf.length;
    yield {
      lineNo,
      start: base + pos,
      end: base + (terminated ? nl + 1 : buf.length),
      terminated,
      bytes: buf.subarray(pos, stop),
    };
    pos = stop + 1;
    lineNo++;
  }
}

export type ParsedRecord = { ok: true; id: string; record: Record<string, unknown> } | { ok: false; detail: string };

/** Parses one journal line: a JSON object with a well-formed record id. */
export function parseLine(bytes: Buffer): ParsedRecord {
  if (bytes.length === 0) return { ok: false, detail: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, detail: 'not a JSON object' };
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'string' || Number.isNaN(idTime(id))) return { ok: false, detail: 'missing or malformed "id"' };
  return { ok: true, id, record: value as Record<string, unknown> };
}

/**
 * Id of a line without parsing the JSON: records are written with `id` as their first key, so
 * loading a month's 40k ids reads bytes instead of building 40k objects. Falls back to parsing.
 */
export function lineId(bytes: Buffer): string | null {
  if (
    bytes.length > ID_END &&
    bytes.compare(ID_PREFIX, 0, ID_PREFIX.length, 0, ID_PREFIX.length) === 0 &&
    bytes[ID_END] === 0x22 &&
    bytes[bytes.length - 1] === 0x7d
  ) {
    return bytes.toString('latin1', ID_PREFIX.length, ID_END);
  }
  const parsed = parseLine(bytes);
  return parsed.ok ? parsed.id : null;
}
