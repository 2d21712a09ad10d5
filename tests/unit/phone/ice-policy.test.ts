import { describe, expect, it } from 'vitest';
import {
  candidatesInSdp,
  gatheringVerdict,
  parseCandidate,
  type Candidate,
} from '../../../src/renderer/phone/engine/ice-policy';

const c = (type: Candidate['type'], protocol: Candidate['protocol'] = 'udp'): Candidate => ({
  type,
  protocol,
  address: '10.0.0.1',
  port: 5000,
});

describe('ICE candidates', () => {
  it('parses candidate lines with or without a=', () => {
    expect(parseCandidate('candidate:1 1 udp 2122260223 127.0.0.1 54807 typ host generation 0')).toEqual({
      protocol: 'udp',
      address: '127.0.0.1',
      port: 54807,
      type: 'host',
    });
    expect(parseCandidate('a=candidate:9 1 TCP 1518280447 127.0.0.1 9 typ host tcptype active')?.protocol).toBe('tcp');
    expect(
      parseCandidate('candidate:3 1 udp 1686052607 203.0.113.4 61000 typ srflx raddr 10.0.0.1 rport 5000')?.type,
    ).toBe('srflx');
    expect(parseCandidate('a=end-of-candidates')).toBeUndefined();
  });

  it('reads the candidates already in an SDP', () => {
    const sdp =
      'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host\r\na=mid:0\r\n';
    expect(candidatesInSdp(sdp)).toHaveLength(1);
    expect(candidatesInSdp(undefined)).toEqual([]);
  });
});

describe('when to stop waiting for candidates', () => {
  const at = (candidates: Candidate[], iceServersConfigured: boolean, sinceGatheringStartMs: number) =>
    gatheringVerdict({ candidates, iceServersConfigured, sinceGatheringStartMs, srflxGraceMs: 150 });

  it('without ICE servers: the first UDP host candidate is enough (no wait for TCP)', () => {
    expect(at([], false, 0)).toEqual({ done: false });
    expect(at([c('host', 'tcp')], false, 0)).toEqual({ done: false });
    expect(at([c('host')], false, 0)).toEqual({ done: true, why: 'host-udp' });
  });

  it('with ICE servers: a srflx or relay candidate ends the wait at once', () => {
    expect(at([c('srflx')], true, 1)).toEqual({ done: true, why: 'srflx-or-relay' });
    expect(at([c('host'), c('relay')], true, 1)).toEqual({ done: true, why: 'srflx-or-relay' });
  });

  it('with an unanswering STUN server: a host candidate waits only for the rest of the grace', () => {
    expect(at([c('host')], true, 40)).toEqual({ done: false, recheckInMs: 110 });
    expect(at([c('host')], true, 150)).toEqual({ done: true, why: 'host-udp-after-grace' });
    expect(at([], true, 10_000)).toEqual({ done: false });
  });

  it('counts the grace from when a pre-warmed connection started gathering, so it is already spent', () => {
    expect(at([c('host')], true, 60_000)).toEqual({ done: true, why: 'host-udp-after-grace' });
  });
});
