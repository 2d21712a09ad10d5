import { describe, expect, it } from 'vitest';
import { isoUtc, utcYear } from '../../../../src/core/leads/sample/time';
import { mulberry32 } from '../../../../src/core/leads/sample/prng';

describe('isoUtc', () => {
  it('matches Date#toISOString, leap days and year ends included', () => {
    const fixed = [
      '1970-01-01T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2000-03-01T00:00:00.001Z',
      '2025-12-31T12:34:56.789Z',
    ];
    for (const s of fixed) expect(isoUtc(Date.parse(s))).toBe(s);
    const next = mulberry32(5);
    const mismatches: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(next() * 4_102_444_800_000); // 1970–2100
      const date = new Date(ms);
      if (isoUtc(ms) !== date.toISOString() || utcYear(ms) !== date.getUTCFullYear()) mismatches.push(ms);
    }
    expect(mismatches).toEqual([]);
  });
});
