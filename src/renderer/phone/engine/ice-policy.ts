// When to stop waiting for ICE candidates before sending an offer or answer (sip.js sends no
// trickle ICE, so the INVITE waits for this). Waiting for gathering to *complete* costs ~115 ms
// on loopback (the TCP host candidate) and seconds when a STUN server does not answer; the
// first usable candidate is enough for a server-side media relay (rtpengine, a PBX), which
// learns our address from our connectivity checks anyway.

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

export interface Candidate {
  type: CandidateType;
  protocol: 'udp' | 'tcp';
  address: string;
  port: number;
}

/** Reads "candidate:1 1 udp 2122260223 127.0.0.1 54807 typ host ..." (with or without "a="). */
export function parseCandidate(line: string): Candidate | undefined {
  const m = /^(?:a=)?candidate:\S+ \d+ (udp|tcp) \d+ (\S+) (\d+) typ (host|srflx|prflx|relay)\b/i.exec(line.trim());
  if (!m) return undefined;
  return {
    protocol: m[1]!.toLowerCase() as Candidate['protocol'],
    address: m[2]!,
    port: Number(m[3]),
    type: m[4]!.toLowerCase() as CandidateType,
  };
}

/** Candidates already written in an SDP (Chrome adds them to localDescription as they come). */
export function candidatesInSdp(sdp: string | undefined): Candidate[] {
  if (!sdp) return [];
  return sdp
    .split(/\r?\n/)
    .filter((l) => l.startsWith('a=candidate:'))
    .map(parseCandidate)
    .filter((c): c is Candidate => c !== undefined);
}

export type GatheringVerdict =
  { done: true; why: 'srflx-or-relay' | 'host-udp' | 'host-udp-after-grace' } | { done: false; recheckInMs?: number };

export interface GatheringInput {
  candidates: readonly Candidate[];
  /** STUN/TURN servers are configured, so a server-reflexive or relay candidate may come. */
  iceServersConfigured: boolean;
  /** Since gathering began: for a pre-warmed peer connection, since it started its pool. */
  sinceGatheringStartMs: number;
  /** How long a host candidate may wait for a srflx/relay one when ICE servers are set. */
  srflxGraceMs: number;
}

/**
 * Stop at the first srflx/relay candidate; with no ICE servers, at the first UDP host candidate;
 * with ICE servers, at a UDP host candidate once the grace is spent (an unreachable STUN server
 * then costs at most the grace, and nothing at all for a pre-warmed connection). The caller's
 * gathering timeout still bounds everything.
 */
export function gatheringVerdict(input: GatheringInput): GatheringVerdict {
  const usable = input.candidates.filter((c) => c.protocol === 'udp');
  if (usable.some((c) => c.type === 'srflx' || c.type === 'relay')) return { done: true, why: 'srflx-or-relay' };
  const host = usable.some((c) => c.type === 'host');
  if (!input.iceServersConfigured) return host ? { done: true, why: 'host-udp' } : { done: false };
  if (!host) return { done: false };
  const left = input.srflxGraceMs - input.sinceGatheringStartMs;
  return left <= 0 ? { done: true, why: 'host-udp-after-grace' } : { done: false, recheckInMs: left };
}
