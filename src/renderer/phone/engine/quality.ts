// Call quality from WebRTC getStats: RTT, jitter, packet loss and an estimated MOS.
//
// MOS uses a simplified ITU-T G.107 E-model, the form common in VoIP monitors:
//   effective latency  Le = RTT/2 + 2 * jitter + 10 ms (codec)
//   R = 93.2 - Le/40                 when Le < 160 ms
//   R = 93.2 - (Le - 120)/10         otherwise
//   R = R - 2.5 * loss%
//   MOS = 1 + 0.035 R + 7e-6 R (R - 60) (100 - R), R clamped to [0, 100], MOS to [1, 4.5].
// It ignores the codec's own impairment (Ie) and echo; it is an indicator, not a measurement.
import type { CallQuality } from '../../../shared/domain/call-record';
import type { LiveQuality } from './types';

export function estimateMos(q: { rttMs: number; jitterMs: number; lossPct: number }): number {
  const latency = q.rttMs / 2 + 2 * q.jitterMs + 10;
  let r = latency < 160 ? 93.2 - latency / 40 : 93.2 - (latency - 120) / 10;
  r -= 2.5 * q.lossPct;
  r = Math.min(100, Math.max(0, r));
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  return round2(Math.min(4.5, Math.max(1, mos)));
}

type Grade = LiveQuality['grade'];
const ORDER: Grade[] = ['good', 'fair', 'poor'];
const worst = (...g: Grade[]): Grade => ORDER[Math.max(...g.map((x) => ORDER.indexOf(x)))]!;
const band = (v: number, good: number, fair: number): Grade => (v < good ? 'good' : v < fair ? 'fair' : 'poor');

/** Worst of RTT (G.114: 150 ms one way), jitter and loss. */
export function gradeQuality(q: { rttMs: number; jitterMs: number; lossPct: number }): Grade {
  return worst(band(q.rttMs, 300, 600), band(q.jitterMs, 30, 60), band(q.lossPct, 1, 5));
}

/** What one getStats poll says about the audio path. Counters are cumulative. */
export interface StatsSample {
  rttMs?: number;
  jitterMs?: number;
  packetsReceived: number;
  packetsLost: number;
}

type Stat = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Reads an RTCStatsReport (as an iterable of stats objects). RTT prefers RTCP
 * (remote-inbound-rtp, end to end) and falls back to the selected ICE candidate pair.
 */
export function sampleFromStats(stats: Iterable<Stat>): StatsSample {
  const all = [...stats];
  const inbound = all.filter((s) => s.type === 'inbound-rtp' && (s.kind ?? s.mediaType) === 'audio');
  const remoteInbound = all.find((s) => s.type === 'remote-inbound-rtp' && num(s.roundTripTime) !== undefined);
  const transport = all.find((s) => s.type === 'transport');
  const selectedId = transport?.selectedCandidatePairId;
  const pair =
    all.find((s) => s.type === 'candidate-pair' && s.id === selectedId) ??
    all.find((s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded');
  const rttS = num(remoteInbound?.roundTripTime) ?? num(pair?.currentRoundTripTime);
  const jitters = inbound.map((s) => num(s.jitter)).filter((v): v is number => v !== undefined);
  return {
    ...(rttS !== undefined ? { rttMs: rttS * 1000 } : {}),
    ...(jitters.length ? { jitterMs: Math.max(...jitters) * 1000 } : {}),
    packetsReceived: inbound.reduce((a, s) => a + (num(s.packetsReceived) ?? 0), 0),
    packetsLost: inbound.reduce((a, s) => a + Math.max(0, num(s.packetsLost) ?? 0), 0),
  };
}

const lossPct = (received: number, lost: number): number =>
  received + lost > 0 ? Math.min(100, (100 * lost) / (received + lost)) : 0;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Keeps the samples of one call: `add` returns the live view (loss over the last interval),
 * `summary` the whole call (mean RTT and jitter, loss over the call) for the call log.
 */
export class QualityTracker {
  private previous: StatsSample | undefined;
  private last: StatsSample | undefined;
  private rtts: number[] = [];
  private jitters: number[] = [];

  add(sample: StatsSample): LiveQuality | undefined {
    const prev = this.previous;
    this.previous = sample;
    this.last = sample;
    if (sample.rttMs !== undefined) this.rtts.push(sample.rttMs);
    if (sample.jitterMs !== undefined) this.jitters.push(sample.jitterMs);
    if (sample.rttMs === undefined && sample.jitterMs === undefined && sample.packetsReceived === 0) return undefined;
    const received = sample.packetsReceived - (prev?.packetsReceived ?? 0);
    const lost = sample.packetsLost - (prev?.packetsLost ?? 0);
    const q = {
      rttMs: round2(sample.rttMs ?? 0),
      jitterMs: round2(sample.jitterMs ?? 0),
      lossPct: round2(lossPct(Math.max(0, received), Math.max(0, lost))),
    };
    return { ...q, mos: estimateMos(q), grade: gradeQuality(q) };
  }

  summary(): CallQuality | undefined {
    const last = this.last;
    if (!last || (this.rtts.length === 0 && this.jitters.length === 0 && last.packetsReceived === 0)) return undefined;
    const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
    const q = {
      rttMs: round2(mean(this.rtts)),
      jitterMs: round2(mean(this.jitters)),
      lossPct: round2(lossPct(last.packetsReceived, last.packetsLost)),
    };
    return { ...q, mos: estimateMos(q) };
  }
}
