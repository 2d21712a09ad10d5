import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_LINE_CHARS, openFileLogs } from '../../../src/core/log-files/file-logs';
import { forwardedLogSink } from '../../../src/core/log-files/forwarded';
import { RotatingFile } from '../../../src/core/log-files/rotating-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relance-logs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lines = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n');

describe('rotating log file', () => {
  it('rotates before a file would pass maxBytes and keeps only `keep` old files', async () => {
    const file = new RotatingFile({ file: join(dir, 'main.log'), maxBytes: 100, keep: 2 });
    for (let i = 0; i < 12; i++) {
      file.append(`line ${String(i).padStart(2, '0')} ${'x'.repeat(30)}`); // 39 bytes with the newline
      await file.flush();
    }
    expect((await readdir(dir)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    expect(await lines(join(dir, 'main.log'))).toEqual([
      expect.stringMatching(/^line 10/),
      expect.stringMatching(/^line 11/),
    ]);
    expect(await lines(join(dir, 'main.1.log'))).toEqual([
      expect.stringMatching(/^line 08/),
      expect.stringMatching(/^line 09/),
    ]);
    expect(await lines(join(dir, 'main.2.log'))).toEqual([
      expect.stringMatching(/^line 06/),
      expect.stringMatching(/^line 07/),
    ]);
  });

  it('continues an existing file after a restart', async () => {
    await writeFile(join(dir, 'main.log'), 'old\n');
    const file = new RotatingFile({ file: join(dir, 'main.log'), maxBytes: 1000, keep: 1 });
    file.append('new');
    await file.flush();
    expect(await lines(join(dir, 'main.log'))).toEqual(['old', 'new']);
  });

  it('writes lines appended in one tick in one batch, in order', async () => {
    const file = new RotatingFile({ file: join(dir, 'sip.log'), maxBytes: 1 << 20, keep: 1 });
    for (let i = 0; i < 500; i++) file.append(`m${i}`);
    await file.flush();
    expect(await lines(join(dir, 'sip.log'))).toEqual(Array.from({ length: 500 }, (_, i) => `m${i}`));
  });

  it('reports a failed write once and never throws', async () => {
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'a file where the logs folder should be');
    const onError = vi.fn();
    const file = new RotatingFile({ file: join(blocked, 'main.log'), maxBytes: 1000, keep: 1, onError });
    file.append('a');
    await file.flush();
    file.append('b');
    await file.flush();
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('file logs', () => {
  it('writes main, renderer and sip to <dataDir>/logs as JSON lines, filtered by level', async () => {
    const logs = openFileLogs({ dataDir: dir, level: 'warn', now: () => new Date('2026-01-05T09:00:00Z') });
    logs.main.info('hidden at warn');
    logs.main.warn('shown', { lead: 'L1' });
    logs.renderer.error('page error');
    logs.sip.debug('hidden at warn');
    logs.setLevel('debug');
    logs.sip.debug('now shown');
    await logs.flush();
    expect((await lines(join(dir, 'logs', 'main.log'))).map((l) => JSON.parse(l))).toEqual([
      { at: '2026-01-05T09:00:00.000Z', level: 'warn', message: 'shown', lead: 'L1' },
    ]);
    expect(await lines(join(dir, 'logs', 'renderer.log'))).toHaveLength(1);
    expect((await lines(join(dir, 'logs', 'sip.log'))).map((l) => JSON.parse(l).message)).toEqual(['now shown']);
    await logs.close();
  });

  it('cuts a runaway line', async () => {
    const logs = openFileLogs({ dataDir: dir });
    logs.main.info('x'.repeat(MAX_LINE_CHARS * 3));
    logs.main.info('huge meta', { blob: 'y'.repeat(MAX_LINE_CHARS * 3) });
    await logs.close();
    const [first, second] = await lines(join(dir, 'logs', 'main.log'));
    expect(first!.length).toBeLessThan(MAX_LINE_CHARS + 200);
    expect(JSON.parse(first!).message).toMatch(/characters cut\]$/);
    expect(JSON.parse(second!)).toMatchObject({ message: 'huge meta', meta: expect.stringMatching(/cut/) });
  });
});

describe('forwarded page logs', () => {
  it('routes renderer and SIP lines to their files at the given level', async () => {
    const logs = openFileLogs({ dataDir: dir, level: 'debug' });
    const sink = forwardedLogSink(logs);
    expect(
      sink([
        { stream: 'renderer', level: 'error', message: 'Uncaught TypeError', meta: { stack: 'at x' } },
        { stream: 'sip', level: 'debug', message: 'SIP/2.0 401 Unauthorized' },
      ]),
    ).toEqual({ written: 2, dropped: 0 });
    await logs.close();
    expect(JSON.parse((await lines(join(dir, 'logs', 'renderer.log')))[0]!)).toMatchObject({
      level: 'error',
      stack: 'at x',
    });
    expect(JSON.parse((await lines(join(dir, 'logs', 'sip.log')))[0]!)).toMatchObject({ level: 'debug' });
  });

  it('drops lines over the per-minute budget of a stream and says how many afterwards', async () => {
    let now = 0;
    const logs = openFileLogs({ dataDir: dir, level: 'debug' });
    const sink = forwardedLogSink(logs, { perMinute: 3, now: () => now });
    const burst = Array.from({ length: 5 }, (_, i) => ({
      stream: 'sip' as const,
      level: 'info' as const,
      message: `m${i}`,
    }));
    expect(sink(burst)).toEqual({ written: 3, dropped: 2 });
    expect(sink([{ stream: 'renderer', level: 'info', message: 'other stream has its own budget' }])).toEqual({
      written: 1,
      dropped: 0,
    });
    now = 60_000;
    expect(sink([{ stream: 'sip', level: 'info', message: 'next minute' }])).toEqual({ written: 1, dropped: 0 });
    await logs.close();
    const sip = (await lines(join(dir, 'logs', 'sip.log'))).map((l) => JSON.parse(l));
    expect(sip.map((l) => l.message)).toEqual(['m0', 'm1', 'm2', 'log lines dropped', 'next minute']);
    expect(sip[3]).toMatchObject({ level: 'warn', count: 2 });
  });
});
