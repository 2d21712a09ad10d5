import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { buildDiagnosticsZip } from '../../../src/core/diagnostics/build-zip';
import { maskNumber } from '../../../src/core/diagnostics/call-summaries';
import { diagnosticsHandlers } from '../../../src/core/diagnostics/handlers';
import { readSettingsOffline } from '../../../src/core/diagnostics/offline-settings';
import { openStore } from '../../../src/core/store';
import { makeCall, snapshotTree, tempDir } from '../store/helpers';

const digest = 'response="9c55e5f5a1a2c0e4cbd2e2b73b1f6a8d"';

/** A workstation's data folder: settings with secrets nearby, 60 calls over two months, old logs. */
async function workstation() {
  const dataDir = tempDir('relance-diag-');
  const store = await openStore({ dataDir });
  const doc = await store.document<{ schemaVersion: 1; overrides: Record<string, unknown> }>('settings', {
    schemaVersion: 1,
    migrations: [],
    defaults: () => ({ schemaVersion: 1, overrides: {} }),
  });
  await doc.update((draft) => {
    draft.overrides['sip.displayName'] = 'Ana';
    draft.overrides['ice.servers'] = [{ urls: 'turn:turn.example:3478', username: 'ana', credential: 'turn-secret' }];
    draft.overrides['updates.url'] = 'https://it:feed-secret@updates.example/relance';
  });
  const feb = Date.UTC(2026, 1, 10, 9);
  const mar = Date.UTC(2026, 2, 2, 9);
  const calls = [
    ...Array.from({ length: 30 }, (_, i) => makeCall({ notes: `Feb confidential note ${i}` }, feb + i * 60_000)),
    ...Array.from({ length: 30 }, (_, i) =>
      makeCall(
        {
          notes: `Mar confidential note ${i}`,
          answeredAt: new Date(mar + i * 60_000 + 5_000).toISOString(),
          endedAt: new Date(mar + i * 60_000 + 65_000).toISOString(),
          sipStatus: 200,
          disposition: 'callback',
        },
        mar + i * 60_000,
      ),
    ),
  ];
  await store.journal.appendMany(calls);
  await store.close();
  await writeFile(path.join(dataDir, 'secrets.json'), JSON.stringify({ 'sip.password': 'Y2lwaGVydGV4dA==' }));
  await mkdir(path.join(dataDir, 'logs'));
  // Lines as an older version (or a person) might have left them, unredacted.
  await writeFile(
    path.join(dataDir, 'logs', 'sip.1.log'),
    [
      JSON.stringify({
        at: '2026-03-01T08:00:00Z',
        level: 'debug',
        message: `sent REGISTER\r\nAuthorization: Digest username="ana", ${digest}`,
      }),
      'not json: password=hunter2',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dataDir, 'logs', 'main.log'), `${JSON.stringify({ level: 'info', message: 'started' })}\n`);
  await writeFile(path.join(dataDir, 'logs', 'unrelated.txt'), 'not ours');
  const provision = path.join(dataDir, '..', `${path.basename(dataDir)}-provisioning.json`);
  await writeFile(
    provision,
    JSON.stringify({
      sip: { server: 'wss://pbx.dealer.example/ws', password: 'provisioned-pw' },
      logLevel: 'debug',
      locked: ['sip.server'],
    }),
  );
  return { dataDir, provision, calls };
}

const unzip = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files),
    text: (name: string) => strFromU8(files[name]!),
    json: (name: string) => JSON.parse(strFromU8(files[name]!)) as unknown,
  };
};

describe('diagnostics export', () => {
  it('zips versions, settings without secrets, the store check, 50 calls without notes, and redacted logs', async () => {
    const { dataDir, provision, calls } = await workstation();
    const before = snapshotTree(dataDir);
    const { view } = await readSettingsOffline(dataDir, [provision]);
    const zip = await buildDiagnosticsZip({
      dataDir,
      app: { version: '1.2.3', shell: 'electron' },
      settings: view,
      shellFacts: { updates: { state: 'off', reason: 'per-machine' } },
      now: new Date('2026-03-05T10:20:30Z'),
    });
    // Reading only: not a byte of the data folder changed.
    expect(snapshotTree(dataDir)).toEqual(before);

    expect(zip.fileName).toBe('relance-diagnostics-20260305-102030.zip');
    const out = unzip(zip.bytes);
    expect(out.names.sort()).toEqual(
      [
        'README.txt',
        'about.json',
        'calls.json',
        'logs/main.log',
        'logs/sip.1.log',
        'settings.json',
        'store-check.json',
      ].sort(),
    );
    expect(zip.entries).toEqual(expect.arrayContaining(out.names));
    const everything = out.names.map((name) => out.text(name)).join('\n');
    for (const secret of [
      'turn-secret',
      'feed-secret',
      'provisioned-pw',
      'hunter2',
      '9c55e5f5a1a2c0e4',
      'Y2lwaGVydGV4dA',
      'confidential note',
    ]) {
      expect(everything).not.toContain(secret);
    }

    expect(out.json('about.json')).toMatchObject({
      app: { name: 'Relance', version: '1.2.3', shell: 'electron' },
      runtime: { node: process.versions.node },
      os: { platform: process.platform, arch: process.arch },
      shell: { updates: { state: 'off', reason: 'per-machine' } },
    });

    const settings = out.json('settings.json') as {
      values: { sip: { server: string; displayName: string }; logLevel: string; ice: { servers: unknown[] } };
      locked: string[];
      sipPassword: { isSet: boolean };
      provisioning: { sources: string[] };
    };
    expect(settings.values.sip).toMatchObject({ server: 'wss://pbx.dealer.example/ws', displayName: 'Ana' });
    expect(settings.values.logLevel).toBe('debug');
    expect(settings.values.ice.servers).toEqual([
      { urls: 'turn:turn.example:3478', username: 'ana', credential: '[redacted]' },
    ]);
    expect(settings.locked).toEqual(['sip.server']);
    expect(settings.sipPassword.isSet).toBe(true);
    expect(settings.provisioning.sources).toEqual([provision]);

    const summaries = out.json('calls.json') as Record<string, unknown>[];
    expect(summaries).toHaveLength(50);
    const newestFirst = [...calls]
      .reverse()
      .slice(0, 50)
      .map((c) => c.id);
    expect(summaries.map((s) => s.id)).toEqual(newestFirst);
    expect(summaries[0]).toEqual({
      id: newestFirst[0],
      number: '+33•••••••78',
      direction: 'outbound',
      startedAt: calls.at(-1)!.startedAt,
      answeredAt: calls.at(-1)!.answeredAt,
      endedAt: calls.at(-1)!.endedAt,
      durationSeconds: 60,
      sipStatus: 200,
      disposition: 'callback',
      leadId: calls.at(-1)!.leadId,
    });
    expect(summaries.every((s) => !('notes' in s))).toBe(true);

    expect(out.json('store-check.json')).toMatchObject({
      ok: true,
      files: expect.arrayContaining([{ file: 'settings.json', status: 'ok', detail: '' }]),
    });
    const sip = out.text('logs/sip.1.log');
    expect(sip).toContain('username=\\"ana\\"');
    expect(sip).toContain('password=[redacted]');
    expect(out.text('README.txt')).toMatch(/No lead, note or password is in this file/);
  });

  it('reads a fresh or damaged data folder without failing', async () => {
    const dataDir = tempDir('relance-diag-empty-');
    await writeFile(path.join(dataDir, 'settings.json'), '{"schemaVersion":1,"overr');
    const { view, notes } = await readSettingsOffline(dataDir, []);
    expect(view.values.locale).toBe('fr');
    expect(view.sipPassword).toEqual({ isSet: false, storage: 'session-only' });
    expect(notes[0]).toMatch(/settings.json is damaged/);
    const out = unzip(
      (await buildDiagnosticsZip({ dataDir, app: { version: '1', shell: 'cli' }, settings: view, notes })).bytes,
    );
    expect(out.json('calls.json')).toEqual([]);
    expect(out.json('store-check.json')).toMatchObject({ ok: false });
    expect(out.text('README.txt')).toMatch(/Notes:\n- settings.json is damaged/);
  });

  it('the diagnostics.export handler flushes the logs first and returns the zip as base64', async () => {
    const { dataDir } = await workstation();
    const { view } = await readSettingsOffline(dataDir, []);
    const flushLogs = vi.fn(async () => {});
    const handlers = diagnosticsHandlers({
      dataDir,
      version: '1.2.3',
      shell: 'web',
      settings: async () => view,
      flushLogs,
      now: () => new Date('2026-03-05T10:20:30Z'),
    });
    const result = await handlers['diagnostics.export']();
    expect(flushLogs).toHaveBeenCalledOnce();
    expect(result).toMatchObject({ fileName: 'relance-diagnostics-20260305-102030.zip', mimeType: 'application/zip' });
    const bytes = Buffer.from(result.contentBase64, 'base64');
    expect(bytes.length).toBe(result.bytes);
    expect(unzip(bytes).names).toContain('calls.json');
  });

  it('masks call numbers but keeps their shape', () => {
    expect(maskNumber('+33612345678')).toBe('+33•••••••78');
    expect(maskNumber('0612345678')).toBe('061•••••78');
    expect(maskNumber('112')).toBe('•••');
  });
});
