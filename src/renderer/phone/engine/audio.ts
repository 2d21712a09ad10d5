// Audio around the calls: device choice with fallback, remote audio elements, the generated
// ringtone, the microphone level meter and playing a buffer into a call.
import type { AudioDevices, PhoneSnapshot } from './types';

type DeviceKind = 'microphone' | 'speaker' | 'ringer';
type Fallback = NonNullable<PhoneSnapshot['deviceFallback']>;

export interface AudioManagerDeps {
  mediaDevices: MediaDevices | undefined;
  /** Echo cancellation, noise suppression and AGC on the microphone (off only for tone tests). */
  processing: boolean;
  onChange: () => void;
  log: (level: 'warn' | 'error', message: string) => void;
}

type SinkElement = HTMLAudioElement;

/** Picks what to use for each kind from what the system lists now. Pure. */
export function resolveDevices(
  wanted: AudioDevices,
  available: { inputs: string[]; outputs: string[] },
): { effective: AudioDevices; fallback?: Fallback } {
  let fallback: Fallback | undefined;
  const pick = (kind: DeviceKind, id: string, list: string[]): string => {
    if (!id || id === 'default') return '';
    // Before the microphone permission, Chrome lists devices with empty ids: nothing to judge.
    if (list.length === 0 || list.every((d) => d === '')) return id;
    if (list.includes(id)) return id;
    fallback ??= { kind, wantedId: id };
    return '';
  };
  const effective = {
    microphoneId: pick('microphone', wanted.microphoneId, available.inputs),
    speakerId: pick('speaker', wanted.speakerId, available.outputs),
    ringerId: pick('ringer', wanted.ringerId, available.outputs),
  };
  return fallback ? { effective, fallback } : { effective };
}

/** RMS of a frame mapped to 0..1 (a full-scale sine reads about 1.0). */
export function levelFromSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  return Math.min(1, Math.round(rms * Math.SQRT2 * 100) / 100);
}

export class AudioManager {
  wanted: AudioDevices = { microphoneId: '', speakerId: '', ringerId: '' };
  effective: AudioDevices = { microphoneId: '', speakerId: '', ringerId: '' };
  fallback: Fallback | undefined;
  level = 0;
  private ctx: AudioContext | undefined;
  private readonly remote = new Map<string, SinkElement>();
  private ring: { mode: 'ring' | 'soft'; el: SinkElement; stop: () => void } | undefined;
  private meter: { track: MediaStreamTrack; stop: () => void } | undefined;
  private readonly onDeviceChange = () => void this.refresh();
  private listening = false;

  constructor(private readonly deps: AudioManagerDeps) {}

  context(): AudioContext {
    if (!this.ctx || this.ctx.state === 'closed') this.ctx = new AudioContext();
    if (this.ctx.state === 'suspended') void this.ctx.resume().catch(() => undefined);
    return this.ctx;
  }

  listen(): void {
    if (this.listening || !this.deps.mediaDevices) return;
    this.listening = true;
    this.deps.mediaDevices.addEventListener('devicechange', this.onDeviceChange);
  }

  constraints(deviceId = this.effective.microphoneId): MediaTrackConstraints {
    const p = this.deps.processing;
    return {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      echoCancellation: p,
      noiseSuppression: p,
      autoGainControl: p,
    };
  }

  /** A fresh microphone stream; a chosen device that fails is replaced by the default one. */
  async microphone(): Promise<MediaStream> {
    const md = this.deps.mediaDevices;
    if (!md) throw new Error('this window has no access to audio devices');
    const id = this.effective.microphoneId;
    try {
      return await md.getUserMedia({ audio: this.constraints(id), video: false });
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (id && (name === 'OverconstrainedError' || name === 'NotFoundError')) {
        this.effective = { ...this.effective, microphoneId: '' };
        this.fallback ??= { kind: 'microphone', wantedId: id };
        this.deps.onChange();
        return md.getUserMedia({ audio: this.constraints(''), video: false });
      }
      if (name === 'NotAllowedError') throw new Error('microphone access was refused: allow it to make calls');
      if (name === 'NotFoundError') throw new Error('no microphone found');
      throw e;
    }
  }

  /** Re-reads the device list; returns which effective ids changed. */
  async refresh(): Promise<{ microphone: boolean; speaker: boolean; ringer: boolean }> {
    const md = this.deps.mediaDevices;
    const before = this.effective;
    let inputs: string[] = [];
    let outputs: string[] = [];
    if (md?.enumerateDevices) {
      const list = await md.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
      inputs = list.filter((d) => d.kind === 'audioinput').map((d) => d.deviceId);
      outputs = list.filter((d) => d.kind === 'audiooutput').map((d) => d.deviceId);
    }
    const { effective, fallback } = resolveDevices(this.wanted, { inputs, outputs });
    const changed = {
      microphone: effective.microphoneId !== before.microphoneId,
      speaker: effective.speakerId !== before.speakerId,
      ringer: effective.ringerId !== before.ringerId,
    };
    const fallbackChanged = JSON.stringify(fallback) !== JSON.stringify(this.fallback);
    this.effective = effective;
    this.fallback = fallback;
    if (changed.speaker) for (const el of this.remote.values()) void this.sink(el, effective.speakerId);
    if (changed.ringer || changed.speaker) this.restartRing();
    if (fallbackChanged || changed.microphone || changed.speaker || changed.ringer) this.deps.onChange();
    this.onDevicesChanged?.(changed);
    return changed;
  }

  /** Set by the engine: swaps microphone tracks in calls when the effective microphone changes. */
  onDevicesChanged: ((changed: { microphone: boolean; speaker: boolean; ringer: boolean }) => void) | undefined;

  async choose(devices: Partial<AudioDevices>): Promise<void> {
    this.wanted = { ...this.wanted, ...devices };
    await this.refresh();
  }

  attachRemote(callId: string, stream: MediaStream): HTMLAudioElement {
    let el = this.remote.get(callId);
    if (!el) {
      el = document.createElement('audio') as SinkElement;
      el.autoplay = true;
      el.dataset.callId = callId;
      el.hidden = true;
      document.body?.appendChild(el);
      this.remote.set(callId, el);
      void this.sink(el, this.effective.speakerId);
    }
    // WebAudio and getStats see silence from a remote WebRTC stream unless an unmuted element plays it.
    el.muted = false;
    if (el.srcObject !== stream) el.srcObject = stream;
    void el.play().catch(() => undefined);
    return el;
  }

  remoteElement(callId: string): HTMLAudioElement | undefined {
    return this.remote.get(callId);
  }

  detachRemote(callId: string): void {
    const el = this.remote.get(callId);
    if (!el) return;
    this.remote.delete(callId);
    el.pause();
    el.srcObject = null;
    el.remove();
  }

  /** 'ring' on the ringer device; 'soft' (call waiting) quietly in the headset. */
  setRingtone(mode: 'off' | 'ring' | 'soft'): void {
    if ((this.ring?.mode ?? 'off') === mode) return;
    this.ring?.stop();
    this.ring = undefined;
    if (mode === 'off') return;
    try {
      this.ring = this.startRing(mode);
    } catch (e) {
      this.deps.log('warn', `ringtone could not start: ${String(e)}`);
    }
  }

  private restartRing(): void {
    const mode = this.ring?.mode;
    if (!mode) return;
    this.ring?.stop();
    this.ring = this.startRing(mode);
  }

  private startRing(mode: 'ring' | 'soft'): { mode: 'ring' | 'soft'; el: SinkElement; stop: () => void } {
    const ctx = this.context();
    const dest = ctx.createMediaStreamDestination();
    const gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(dest);
    const freqs = mode === 'ring' ? [440, 480] : [440];
    const oscs = freqs.map((f) => {
      const o = ctx.createOscillator();
      o.frequency.value = f;
      o.connect(gain);
      o.start();
      return o;
    });
    // ring: two 0.4 s bursts then 2 s of silence; soft: one 0.15 s beep every 2.5 s.
    const level = mode === 'ring' ? 0.25 : 0.06;
    const bursts = mode === 'ring' ? [0, 0.6] : [0];
    const burstS = mode === 'ring' ? 0.4 : 0.15;
    const periodS = mode === 'ring' ? 3 : 2.5;
    const schedule = () => {
      const t = ctx.currentTime + 0.02;
      for (const b of bursts) {
        gain.gain.setValueAtTime(level, t + b);
        gain.gain.setValueAtTime(0, t + b + burstS);
      }
    };
    schedule();
    const timer = setInterval(schedule, periodS * 1000);
    const el = document.createElement('audio') as SinkElement;
    el.autoplay = true;
    el.hidden = true;
    el.srcObject = dest.stream;
    document.body?.appendChild(el);
    void this.sink(el, mode === 'ring' ? this.effective.ringerId : this.effective.speakerId);
    void el.play().catch((e: unknown) => this.deps.log('warn', `ringtone blocked: ${String(e)}`));
    return {
      mode,
      el,
      stop: () => {
        clearInterval(timer);
        for (const o of oscs) o.stop();
        gain.disconnect();
        el.pause();
        el.srcObject = null;
        el.remove();
      },
    };
  }

  /** Meters `track` (the microphone of the call in progress); undefined stops the meter. */
  meterTrack(track: MediaStreamTrack | undefined): void {
    if (this.meter?.track === track) return;
    this.meter?.stop();
    this.meter = undefined;
    if (!track) {
      if (this.level !== 0) {
        this.level = 0;
        this.deps.onChange();
      }
      return;
    }
    const ctx = this.context();
    const source = ctx.createMediaStreamSource(new MediaStream([track]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(buf);
      const level = track.enabled && track.readyState === 'live' ? levelFromSamples(buf) : 0;
      if (Math.abs(level - this.level) >= 0.02 || (level === 0 && this.level !== 0)) {
        this.level = level;
        this.deps.onChange();
      }
    }, 150);
    this.meter = {
      track,
      stop: () => {
        clearInterval(timer);
        source.disconnect();
      },
    };
  }

  /** Decodes `audio` and plays it through a track made for the call; resolves when it ends. */
  async bufferTrack(
    audio: ArrayBuffer,
  ): Promise<{ track: MediaStreamTrack; start: () => Promise<void>; stop: () => void }> {
    const ctx = this.context();
    const buffer = await ctx.decodeAudioData(audio.slice(0)).catch((e: unknown) => {
      throw new Error(`the audio could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
    });
    const dest = ctx.createMediaStreamDestination();
    const src = ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(dest);
    const track = dest.stream.getAudioTracks()[0]!;
    let finish: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => {
      finish = resolve;
      src.onended = () => resolve();
    });
    return {
      track,
      start: () => {
        src.start();
        return ended;
      },
      stop: () => {
        try {
          src.stop();
        } catch {
          /* not started */
        }
        src.disconnect();
        track.stop();
        finish();
      },
    };
  }

  dispose(): void {
    this.setRingtone('off');
    this.meterTrack(undefined);
    for (const id of [...this.remote.keys()]) this.detachRemote(id);
    if (this.listening) this.deps.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
    this.listening = false;
    void this.ctx?.close().catch(() => undefined);
    this.ctx = undefined;
  }

  private async sink(el: SinkElement, id: string): Promise<void> {
    if (typeof el.setSinkId !== 'function') return;
    try {
      await el.setSinkId(id);
    } catch (e) {
      this.deps.log('warn', `audio output ${id || 'default'} unavailable, using the default: ${String(e)}`);
      if (id) await el.setSinkId('').catch(() => undefined);
    }
  }
}
