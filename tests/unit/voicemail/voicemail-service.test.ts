import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallRecorder } from '../../../src/core/calls/call-recorder';
import { openOpenCalls } from '../../../src/core/calls/open-calls';
import { openStore, type Store } from '../../../src/core/store';
import {
  callLookup,
  openVoicemailService,
  voicemailHandlers,
  type CallOfDrop,
  type VoicemailDeps,
} from '../../../src/core/voicemail';
import { CUSTOM_RULES, FR_RULES, US_RULES, type RuleSet } from '../../../src/shared/domain/calling-rules';
import type { Contact, ConsentRecord } from '../../../src/shared/domain/lead';
import { VOICEMAIL_MAX_BYTES, voicemailRequests, type VoicemailList } from '../../../src/shared/domain/voicemail';
import { AppFailure } from '../../../src/shared/result';
import { tempDir } from '../leads/helpers';
import { b64, ebmlBytes, mp3Frame, oggBytes, wavBytes } from './fixtures';

const NOW = new Date('2026-03-10T10:30:00+01:00');

interface Harness {
  store: Store;
  dir: string;
  deps: VoicemailDeps;
  marked: (CallOfDrop & { callId: string })[];
  changes: VoicemailList[];
}

async function open(
  opts: {
    dir?: string;
    rules?: RuleSet;
    leads?: Record<string, { consents: ConsentRecord[]; contact: Contact }>;
    calls?: Record<string, CallOfDrop>;
    numbers?: Record<string, string>;
    mark?: (call: CallOfDrop & { callId: string }) => Promise<'logged' | 'not-yet'>;
  } = {},
) {
  const dir = opts.dir ?? tempDir();
  const store = await openStore({ dataDir: dir });
  const h: Harness = { store, dir, marked: [], changes: [], deps: undefined as never };
  h.deps = {
    store,
    rules: () => opts.rules ?? FR_RULES,
    region: () => 'FR',
    lead: async (id) => opts.leads?.[id],
    leadIdByNumber: async (number) => opts.numbers?.[number],
    findCall: (callId) => opts.calls?.[callId],
    markVoicemailLeft: async (call) => {
      h.marked.push(call);
      return opts.mark ? opts.mark(call) : 'logged';
    },
    onChange: (list) => h.changes.push(list),
    now: () => NOW,
  };
  const service = await openVoicemailService(h.deps);
  return { ...h, service };
}

const save = (name: string, bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  name,
  source: 'imported' as const,
  contentBase64: b64(bytes),
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const audioFiles = (dir: string) => readdirSync(path.join(dir, 'voicemail')).filter((n) => !n.startsWith('.'));

describe('voicemail messages on disk', () => {
  it('writes the audio as voicemail/<id>.<ext>, lists it in voicemail.json, and makes the first one the default', async () => {
    const h = await open();
    const wav = wavBytes();
    const { saved, list } = await h.service.save(save('Accueil', wav, { fileName: 'accueil.wav', durationMs: 200 }));
    expect(saved).toMatchObject({ name: 'Accueil', format: 'wav', mimeType: 'audio/wav', bytes: wav.length });
    expect(saved.durationMs).toBe(200);
    expect(list).toEqual({ messages: [saved], defaultId: saved.id });
    expect(readFileSync(path.join(h.dir, 'voicemail', `${saved.id}.wav`))).toEqual(wav);
    const index = JSON.parse(readFileSync(path.join(h.dir, 'voicemail.json'), 'utf8'));
    expect(index.schemaVersion).toBe(1);
    expect(index.messages.map((m: { id: string }) => m.id)).toEqual([saved.id]);
    expect(h.changes).toEqual([list]);

    const second = await h.service.save(save('Relance', oggBytes(), { mimeType: 'audio/ogg' }));
    expect(second.list.defaultId).toBe(saved.id); // the default stays until the seller picks another
    const third = await h.service.save(save('Promo', mp3Frame(), { makeDefault: true, fileName: 'promo.mp3' }));
    expect(third.list.defaultId).toBe(third.saved.id);

    // Another process (a restart) reads the same list and the same bytes.
    await h.store.close();
    const again = await open({ dir: h.dir });
    expect(again.service.list().messages.map((m) => m.name)).toEqual(['Accueil', 'Relance', 'Promo']);
    const got = await again.service.get(saved.id);
    expect(Buffer.from(got.contentBase64, 'base64')).toEqual(wav);
    expect((await again.service.get()).message.name).toBe('Promo');
  });

  it('accepts a WebM recording with the recorder’s MIME type', async () => {
    const h = await open();
    const { saved } = await h.service.save({
      name: 'Enregistré',
      source: 'recorded',
      mimeType: 'audio/webm;codecs=opus',
      contentBase64: b64(ebmlBytes()),
    });
    expect(saved).toMatchObject({ format: 'webm', source: 'recorded', mimeType: 'audio/webm' });
    expect(audioFiles(h.dir)).toEqual([`${saved.id}.webm`]);
  });

  it.each([
    ['an empty file', save('A', Buffer.alloc(0)), 'the message is empty'],
    ['more than 2 MB', save('A', Buffer.concat([wavBytes(), Buffer.alloc(VOICEMAIL_MAX_BYTES)])), 'at most 2 MB'],
    ['text', save('A', Buffer.from('pas du son du tout')), 'not WAV, MP3, Ogg or WebM audio'],
    ['a WAV sent as MP3', save('A', wavBytes(), { mimeType: 'audio/mpeg' }), 'says audio/mpeg but holds WAV audio'],
    ['a WAV named .mp3', save('A', wavBytes(), { fileName: 'x.mp3' }), 'named .mp3 but holds WAV audio'],
    ['an .m4a file', save('A', wavBytes(), { fileName: 'x.m4a' }), 'must end in .wav, .mp3, .ogg or .webm'],
    ['broken base64', { name: 'A', source: 'imported' as const, contentBase64: 'abc$' }, 'not valid base64'],
  ])('refuses %s with a clear message and writes nothing', async (_, input, message) => {
    const h = await open();
    const error = await failure(h.service.save(input));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toContain(message);
    expect(audioFiles(h.dir)).toEqual([]);
    expect(h.service.list()).toEqual({ messages: [], defaultId: null });
  });

  it('says the size in MB, rounded up, when a message is too big', async () => {
    const h = await open();
    const wav = wavBytes();
    const big = Buffer.concat([wav, Buffer.alloc(2.5 * 1024 * 1024 - wav.length)]);
    expect((await failure(h.service.save(save('A', big)))).message).toBe('the message is 2.5 MB; at most 2 MB');
    const justOver = Buffer.concat([wav, Buffer.alloc(VOICEMAIL_MAX_BYTES + 1 - wav.length)]);
    expect((await failure(h.service.save(save('A', justOver)))).message).toBe('the message is 2.1 MB; at most 2 MB');
  });

  it('refuses a second message with the same name (any case) as a conflict', async () => {
    const h = await open();
    await h.service.save(save('Accueil', wavBytes()));
    const error = await failure(h.service.save(save('  accueil ', oggBytes())));
    expect([error.code, error.field]).toEqual(['conflict', 'name']);
    expect(audioFiles(h.dir)).toHaveLength(1);
  });

  it('renames, changes the default, and deletes the file after the index', async () => {
    const h = await open();
    const a = (await h.service.save(save('A', wavBytes()))).saved;
    const b = (await h.service.save(save('B', oggBytes()))).saved;
    expect((await h.service.rename(b.id, ' Relance soir ')).messages[1]!.name).toBe('Relance soir');
    expect((await failure(h.service.rename(b.id, 'a'))).code).toBe('conflict');
    expect((await h.service.setDefault(b.id)).defaultId).toBe(b.id);

    const after = await h.service.delete(b.id);
    expect(after).toEqual({ messages: [a], defaultId: null }); // the seller picks the next default
    expect(existsSync(path.join(h.dir, 'voicemail', `${b.id}.ogg`))).toBe(false);
    const noDefault = await failure(h.service.get());
    expect([noDefault.code, noDefault.message]).toEqual([
      'not-found',
      'no default voicemail message: choose one in Settings',
    ]);
    expect((await failure(h.service.delete(b.id))).code).toBe('not-found');
    expect((await failure(h.service.setDefault(b.id))).code).toBe('not-found');
  });

  it('removes at open a file no message names, and a message whose file is gone', async () => {
    const h = await open();
    const kept = (await h.service.save(save('Gardé', wavBytes()))).saved;
    const lost = (await h.service.save(save('Perdu', oggBytes()))).saved;
    await h.service.setDefault(lost.id);
    await h.store.close();
    // A crash between the audio write and the index update leaves an unnamed file…
    const orphan = '01JZZZZZZZZZZZZZZZZZZZZZZZ.wav';
    writeFileSync(path.join(h.dir, 'voicemail', orphan), wavBytes());
    // …and someone deleted a message's file by hand.
    rmSync(path.join(h.dir, 'voicemail', `${lost.id}.ogg`));

    const again = await open({ dir: h.dir });
    expect(audioFiles(h.dir)).toEqual([`${kept.id}.wav`]);
    expect(again.service.list()).toEqual({ messages: [kept], defaultId: null });
  });

  it('says which message’s audio is missing when its file went away while running', async () => {
    const h = await open();
    const m = (await h.service.save(save('Accueil', wavBytes()))).saved;
    rmSync(path.join(h.dir, 'voicemail', `${m.id}.wav`));
    const error = await failure(h.service.get(m.id));
    expect([error.code, error.message]).toEqual([
      'not-found',
      'the audio of "Accueil" is missing from the data folder',
    ]);
  });
});

describe('may a message be dropped (calling rules)', () => {
  const contact: Contact = { kind: 'individual', firstName: 'Élodie', lastName: 'Martin', phones: [] };
  const consent = (number: string, revokedAt?: string): ConsentRecord => ({
    id: 'c1',
    number,
    givenAt: '2026-01-05T10:00:00.000Z',
    channel: 'web-form',
    wording: 'J’accepte d’être rappelé.',
    ...(revokedAt ? { revokedAt } : {}),
  });
  const leads = {
    consented: { consents: [consent('+33612345678')], contact },
    revoked: { consents: [consent('+33612345678', '2026-02-01T10:00:00.000Z')], contact },
    none: { consents: [], contact },
  };

  it('allows it under the French rules only with consent in force for that number (any format)', async () => {
    const { service } = await open({ leads });
    expect(await service.canDrop({ leadId: 'consented', number: '06 12 34 56 78' })).toEqual({ allowed: true });
    const refused = { allowed: false, reasons: [{ code: 'voicemail-needs-consent', number: '+33612345678' }] };
    expect(await service.canDrop({ leadId: 'none', number: '+33612345678' })).toEqual(refused);
    expect(await service.canDrop({ leadId: 'revoked', number: '+33612345678' })).toEqual(refused);
    // Consent for another number does not count (scope: number).
    expect(await service.canDrop({ leadId: 'consented', number: '+33698765432' })).toMatchObject({ allowed: false });
    // A caller who is no lead has no consent on record.
    expect(await service.canDrop({ number: '+33612345678' })).toEqual(refused);
    expect(await service.canDrop({ leadId: 'unknown', number: '+33612345678' })).toEqual(refused);
  });

  it('finds the lead by the number when the call carries no lead id (a number typed by hand)', async () => {
    const { service } = await open({ leads, numbers: { '0612345678': 'consented', '0698765432': 'none' } });
    expect(await service.canDrop({ number: '0612345678' })).toEqual({ allowed: true });
    expect(await service.canDrop({ number: '0698765432' })).toMatchObject({ allowed: false });
    // A lead id given wins over the number's lead.
    expect(await service.canDrop({ leadId: 'none', number: '0612345678' })).toMatchObject({ allowed: false });
  });

  it('follows the active rule set', async () => {
    const us = await open({ leads, rules: US_RULES });
    expect(await us.service.canDrop({ leadId: 'none', number: '+12025550143' })).toMatchObject({ allowed: false });
    const lax = await open({ leads, rules: { ...CUSTOM_RULES, voicemailDrop: { requiresConsent: false } } });
    expect(await lax.service.canDrop({ number: '+33612345678' })).toEqual({ allowed: true });
  });
});

describe('logging "voicemail left"', () => {
  it('logs it on the call’s record at once when the record is there', async () => {
    const h = await open({ calls: { c1: { recordId: 'R1' } } });
    expect(await h.service.logDrop({ callId: 'c1' })).toEqual({ recordId: 'R1', status: 'logged' });
    expect(h.marked).toEqual([{ recordId: 'R1', callId: 'c1' }]);
    expect(h.service.pendingCount).toBe(0);
  });

  it('says so when core never heard of the call', async () => {
    const h = await open();
    const error = await failure(h.service.logDrop({ callId: 'nope' }));
    expect([error.code, error.field]).toEqual(['not-found', 'callId']);
  });

  it('keeps a drop whose record is not written yet, on disk, and logs it once the record is', async () => {
    let recorded = false;
    const calls = { c2: { recordId: 'R2', dialerSessionId: 'S1' } };
    const mark = async () => (recorded ? 'logged' : 'not-yet') as 'logged' | 'not-yet';
    const h = await open({ calls, mark });
    expect(await h.service.logDrop({ callId: 'c2' })).toEqual({ recordId: 'R2', status: 'pending' });
    expect(await h.service.logDrop({ callId: 'c2' })).toEqual({ recordId: 'R2', status: 'pending' });
    expect(h.service.pendingCount).toBe(1);
    await h.service.retryPending();
    expect(h.service.pendingCount).toBe(1);

    // Core restarts before the record arrives: the drop is still known.
    await h.store.close();
    recorded = true;
    const again = await open({ dir: h.dir, calls, mark });
    expect(again.service.pendingCount).toBe(1);
    await again.service.retryPending();
    expect(again.service.pendingCount).toBe(0);
    expect(again.marked.at(-1)).toEqual({ recordId: 'R2', callId: 'c2', dialerSessionId: 'S1' });
  });

  it('stops trying when the disposition is refused (another one won)', async () => {
    let refuse = false;
    const h = await open({
      calls: { c3: { recordId: 'R3' } },
      mark: async () => {
        if (refuse) throw new AppFailure('conflict', 'disposed already');
        return 'not-yet';
      },
    });
    await h.service.logDrop({ callId: 'c3' });
    refuse = true;
    await h.service.retryPending();
    expect(h.service.pendingCount).toBe(0);
  });

  it('finds the record id the call recorder gives the call, before and after its end', async () => {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir });
    const openCalls = await openOpenCalls(store);
    const recorder = new CallRecorder(openCalls, store.journal);
    const lookup = callLookup(openCalls);
    const at = '2026-03-10T09:00:00.123Z';
    await recorder.report({
      type: 'started',
      callId: 'call-7',
      at,
      direction: 'outbound',
      number: '+33612345678',
      dialerSessionId: 'S9',
    });
    const during = lookup('call-7');
    expect(during?.dialerSessionId).toBe('S9');
    await recorder.report({ type: 'answered', callId: 'call-7', at: '2026-03-10T09:00:05.000Z' });
    const { recordId } = await recorder.report({
      type: 'ended',
      callId: 'call-7',
      at: '2026-03-10T09:00:30.000Z',
      hangupSide: 'local',
      sipStatus: 200,
    });
    expect(during?.recordId).toBe(recordId);
    expect(lookup('call-7')).toEqual({ recordId });
    expect(lookup('other')).toBeUndefined();
    await store.close();
  });
});

describe('voicemail request table', () => {
  it('refuses a blank name before the service, and the handlers answer the table’s outputs', async () => {
    const h = await open();
    const handlers = voicemailHandlers(h.service);
    const input = voicemailRequests['voicemail.save'].input.safeParse({
      name: '   ',
      source: 'imported',
      contentBase64: b64(wavBytes()),
    });
    expect(input.success).toBe(false);
    const saved = await handlers['voicemail.save'](
      voicemailRequests['voicemail.save'].input.parse(save('Accueil', wavBytes())),
    );
    expect(voicemailRequests['voicemail.save'].output.parse(saved).saved.name).toBe('Accueil');
    expect(voicemailRequests['voicemail.list'].output.parse(await handlers['voicemail.list']({}))).toEqual(saved.list);
  });
});
