import { describe, expect, it } from 'vitest';
import { CallQualitySchema } from '../../../src/shared/domain/call-record';
import { QualityTracker, estimateMos, gradeQuality, sampleFromStats } from '../../../src/renderer/phone/engine/quality';

describe('MOS estimate (simplified E-model)', () => {
  it('rates a clean LAN call near the top of the scale', () => {
    expect(estimateMos({ rttMs: 2, jitterMs: 1, lossPct: 0 })).toBeCloseTo(4.4, 1);
  });

  it('falls with latency, jitter and loss, and stays within 1..4.5', () => {
    const base = estimateMos({ rttMs: 40, jitterMs: 5, lossPct: 0 });
    expect(estimateMos({ rttMs: 400, jitterMs: 5, lossPct: 0 })).toBeLessThan(base);
    expect(estimateMos({ rttMs: 40, jitterMs: 80, lossPct: 0 })).toBeLessThan(base);
    expect(estimateMos({ rttMs: 40, jitterMs: 5, lossPct: 5 })).toBeLessThan(base);
    expect(estimateMos({ rttMs: 5000, jitterMs: 500, lossPct: 100 })).toBe(1);
    expect(estimateMos({ rttMs: 0, jitterMs: 0, lossPct: 0 })).toBeLessThanOrEqual(4.5);
  });

  it('matches the formula at a known point (Le = 200 ms -> R = 85.2 -> 5 % loss -> R = 72.7)', () => {
    // rtt 300 => 150 one way, jitter 20 => 40, +10 codec = 200 ms.
    const r = 72.7;
    const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
    expect(estimateMos({ rttMs: 300, jitterMs: 20, lossPct: 5 })).toBeCloseTo(mos, 2);
  });
});

describe('quality grade', () => {
  it('is the worst of RTT, jitter and loss', () => {
    expect(gradeQuality({ rttMs: 20, jitterMs: 5, lossPct: 0 })).toBe('good');
    expect(gradeQuality({ rttMs: 20, jitterMs: 5, lossPct: 2 })).toBe('fair');
    expect(gradeQuality({ rttMs: 700, jitterMs: 5, lossPct: 0 })).toBe('poor');
    expect(gradeQuality({ rttMs: 20, jitterMs: 45, lossPct: 0.5 })).toBe('fair');
  });
});

const stats = (o: { received: number; lost: number; jitter?: number; rtt?: number; pairRtt?: number }) => [
  { type: 'inbound-rtp', kind: 'audio', packetsReceived: o.received, packetsLost: o.lost, jitter: o.jitter ?? 0.004 },
  { type: 'outbound-rtp', kind: 'audio', packetsSent: 100 },
  ...(o.rtt !== undefined ? [{ type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: o.rtt }] : []),
  { type: 'transport', selectedCandidatePairId: 'CP1' },
  { type: 'candidate-pair', id: 'CP1', currentRoundTripTime: o.pairRtt ?? 0.03, nominated: true, state: 'succeeded' },
];

describe('stats sampling', () => {
  it('prefers the RTCP round trip and falls back to the ICE candidate pair', () => {
    expect(sampleFromStats(stats({ received: 10, lost: 0, rtt: 0.12 }))).toEqual({
      rttMs: 120,
      jitterMs: 4,
      packetsReceived: 10,
      packetsLost: 0,
    });
    expect(sampleFromStats(stats({ received: 10, lost: 0 })).rttMs).toBe(30);
  });

  it('survives an empty report', () => {
    expect(sampleFromStats([])).toEqual({ packetsReceived: 0, packetsLost: 0 });
  });
});

describe('quality tracker', () => {
  it('shows loss over the last interval live and over the whole call in the summary', () => {
    const t = new QualityTracker();
    expect(t.summary()).toBeUndefined();
    t.add(sampleFromStats(stats({ received: 100, lost: 0 })));
    const live = t.add(sampleFromStats(stats({ received: 190, lost: 10 })))!;
    expect(live.lossPct).toBe(10);
    expect(live.grade).toBe('poor');
    const summary = t.summary()!;
    expect(summary.lossPct).toBe(5);
    expect(summary.rttMs).toBe(30);
    expect(CallQualitySchema.parse(summary)).toEqual(summary);
  });

  it('reports nothing until media or timing exists', () => {
    const t = new QualityTracker();
    expect(t.add({ packetsReceived: 0, packetsLost: 0 })).toBeUndefined();
    expect(t.summary()).toBeUndefined();
  });
});
