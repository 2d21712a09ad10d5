// Debian's Chromium under playwright-core, with fake media devices fed from a WAV file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** The real binary: the /usr/bin/chromium wrapper script prints shell errors under Playwright. */
export const CHROMIUM_PATH = '/usr/lib/chromium/chromium';

/**
 * Sine tone WAV, 48 kHz mono 16-bit (the format Chromium's fake capture expects), made with sox.
 * Chromium loops the file, so a few seconds is enough. Cached in a shared temp dir (Chromium reads
 * it for its whole life, so it is never deleted by the fixture).
 */
export function makeToneWav(freqHz: number, opts: { seconds?: number; volume?: number; dir?: string } = {}): string {
  const dir = opts.dir ?? join(tmpdir(), 'relance-tones');
  const seconds = opts.seconds ?? 10;
  const volume = opts.volume ?? 0.5;
  const file = join(dir, `tone-${freqHz}hz-${seconds}s-v${volume}.wav`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Write then rename: parallel test files may want the same tone.
    const part = `${file}.${process.pid}.part.wav`;
    const fmt = '-r 48000 -c 1 -b 16 -e signed-integer'.split(' ');
    execFileSync('sox', ['-n', ...fmt, part, 'synth', `${seconds}`, 'sine', `${freqHz}`, 'vol', `${volume}`]);
    renameSync(part, file);
  }
  return file;
}

export interface ChromiumOptions {
  /** WAV file played as the fake microphone (see makeToneWav). Per browser process. */
  fakeAudioFile?: string;
  /** Shortcut: generate a tone of this frequency and use it as fakeAudioFile. */
  toneHz?: number;
  extraArgs?: string[];
  headless?: boolean;
  launch?: Omit<LaunchOptions, 'executablePath' | 'args' | 'headless'>;
}

export function chromiumArgs(opts: ChromiumOptions = {}): string[] {
  const audio = opts.fakeAudioFile ?? (opts.toneHz !== undefined ? makeToneWav(opts.toneHz) : undefined);
  return [
    '--no-sandbox', // running as root
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    ...(audio ? [`--use-file-for-fake-audio-capture=${audio}`] : []),
    '--autoplay-policy=no-user-gesture-required',
    // Without it Chromium gathers no loopback ICE candidate (the rig's only network).
    '--allow-loopback-in-peer-connection',
    // As the Electron shell: the page's peer-connection reaper needs gc() (peer-connection-reaper.ts).
    '--js-flags=--expose-gc',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    ...(opts.extraArgs ?? []),
  ];
}

/** One browser per fake audio file: the capture file is a process-wide flag. */
export async function launchChromium(opts: ChromiumOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...opts.launch,
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args: chromiumArgs(opts),
  });
}
