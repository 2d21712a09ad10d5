import type { ToneResult } from './types';

/**
 * Proves a tone arrived: averaged FFT power of a remote stream around `freq` against the strongest
 * other bin. Used by the sip.js harness and the engine page. The stream must also play in an
 * unmuted <audio> element, or WebAudio reads silence.
 */
export async function measureTone(
  stream: MediaStream,
  freq: number,
  frames: number,
  intervalMs: number,
): Promise<ToneResult> {
  const ctx = new AudioContext();
  await ctx.resume();
  const src = ctx.createMediaStreamSource(stream);
  const an = ctx.createAnalyser();
  an.fftSize = 8192;
  an.smoothingTimeConstant = 0;
  src.connect(an);
  const bins = an.frequencyBinCount;
  const binHz = ctx.sampleRate / an.fftSize;
  const acc = new Float64Array(bins);
  const frame = new Float32Array(bins);
  for (let i = 0; i < frames; i++) {
    await new Promise((r) => setTimeout(r, intervalMs));
    an.getFloatFrequencyData(frame);
    for (let b = 0; b < bins; b++) acc[b]! += 10 ** ((frame[b] ?? -200) / 10);
  }
  src.disconnect();
  await ctx.close();
  const lo = Math.ceil(50 / binHz);
  let peakBin = lo;
  for (let b = lo; b < bins; b++) if (acc[b]! > acc[peakBin]!) peakBin = b;
  const target = Math.round(freq / binHz);
  let targetPow = 0;
  for (let b = target - 3; b <= target + 3; b++) targetPow = Math.max(targetPow, acc[b] ?? 0);
  let otherPow = 0;
  for (let b = lo; b < bins; b++) if (Math.abs(b - target) > 10) otherPow = Math.max(otherPow, acc[b]!);
  const db = (p: number) => 10 * Math.log10(p / frames + 1e-30);
  return {
    peakHz: peakBin * binHz,
    targetDb: db(targetPow),
    otherMaxDb: db(otherPow),
    marginDb: db(targetPow) - db(otherPow),
    binHz,
  };
}
