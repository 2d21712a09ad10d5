import { describe, expect, it } from 'vitest';
import { countdownShare, secondsLeft } from '../../../../src/renderer/dialer/countdown';

const at = (iso: string) => Date.parse(iso);

describe('secondsLeft', () => {
  it('rounds up, so the last second shows until the call starts', () => {
    const ends = '2026-11-26T10:00:10.000Z';
    expect(secondsLeft(ends, at('2026-11-26T10:00:00.000Z'))).toBe(10);
    expect(secondsLeft(ends, at('2026-11-26T10:00:00.001Z'))).toBe(10);
    expect(secondsLeft(ends, at('2026-11-26T10:00:09.000Z'))).toBe(1);
    expect(secondsLeft(ends, at('2026-11-26T10:00:09.999Z'))).toBe(1);
    expect(secondsLeft(ends, at('2026-11-26T10:00:10.000Z'))).toBe(0);
  });

  it('never goes below zero once the end has passed (core has not said so yet)', () => {
    expect(secondsLeft('2026-11-26T10:00:10.000Z', at('2026-11-26T10:00:13.000Z'))).toBe(0);
  });

  it('reads an end time with an offset', () => {
    expect(secondsLeft('2026-11-26T11:00:05+01:00', at('2026-11-26T10:00:00Z'))).toBe(5);
  });

  it('has no value without a running countdown or with a bad time', () => {
    expect(secondsLeft(undefined, 0)).toBeUndefined();
    expect(secondsLeft('soon', 0)).toBeUndefined();
  });
});

describe('countdownShare', () => {
  const ends = '2026-11-26T10:00:10.000Z';
  it('goes from 1 to 0 over the countdown', () => {
    expect(countdownShare(ends, 10, at('2026-11-26T10:00:00Z'))).toBe(1);
    expect(countdownShare(ends, 10, at('2026-11-26T10:00:05Z'))).toBe(0.5);
    expect(countdownShare(ends, 10, at('2026-11-26T10:00:10Z'))).toBe(0);
  });

  it('stays within 0..1 when clocks disagree or the setting changed since the session started', () => {
    expect(countdownShare(ends, 5, at('2026-11-26T10:00:00Z'))).toBe(1);
    expect(countdownShare(ends, 10, at('2026-11-26T10:00:20Z'))).toBe(0);
    expect(countdownShare(undefined, 10, 0)).toBe(0);
    expect(countdownShare(ends, 0, 0)).toBe(0);
  });
});
