import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/domain/settings';
import {
  shownTestState,
  testedAccountKey,
  typedSettings,
  untestedFields,
  type TestState,
} from '../../../src/renderer/settings/test-connection-model';

const empty: Settings = defaultSettings;
const saved: Settings = { ...defaultSettings, sip: { ...defaultSettings.sip, server: 'wss://pbx.example/ws' } };
const incomplete = {
  ok: false,
  reason: 'invalid-config',
  detail: 'Indiquez le serveur du standard dans les réglages',
} as const;

describe('connection test result', () => {
  it('names the account fields typed but not valid yet, instead of testing the saved ones', () => {
    const edits = { 'sip.server': 'pbx.example', 'sip.uri': 'vendeur', 'dialer.previewSeconds': 'x' };
    expect(untestedFields(saved, edits, [])).toEqual(['sip.server', 'sip.uri']);
    expect(untestedFields(saved, { 'sip.server': 'wss://pbx.example/ws' }, [])).toEqual([]);
  });

  it('tests the account as typed, before saving', () => {
    expect(typedSettings(empty, { 'sip.server': 'wss://pbx.example/ws' }, []).sip.server).toBe('wss://pbx.example/ws');
    // A locked field keeps the administrator's value.
    expect(typedSettings(saved, { 'sip.server': 'wss://other/ws' }, ['sip.server']).sip.server).toBe(
      'wss://pbx.example/ws',
    );
  });

  it('« Réglages incomplets » goes once the server has been saved', () => {
    const before = testedAccountKey(empty, {}, [], true);
    const run: TestState = { kind: 'done', account: before, result: incomplete };
    expect(shownTestState(run, before)).toBe(run);
    // Typing the server already makes the result stale; saving it (edits cleared) keeps it so.
    expect(shownTestState(run, testedAccountKey(empty, { 'sip.server': 'wss://pbx.example/ws' }, [], true))).toEqual({
      kind: 'idle',
    });
    expect(shownTestState(run, testedAccountKey(saved, {}, [], true))).toEqual({ kind: 'idle' });
  });

  it('keeps a result for the same account after saving what was typed, and drops it when the password changes', () => {
    const typed = testedAccountKey(empty, { 'sip.server': 'wss://pbx.example/ws' }, [], false);
    const run: TestState = { kind: 'done', account: typed, result: { ok: true, ms: 120 } };
    expect(testedAccountKey(saved, {}, [], false)).toBe(typed);
    expect(shownTestState(run, testedAccountKey(saved, {}, [], false))).toBe(run);
    expect(shownTestState(run, testedAccountKey(saved, {}, [], true))).toEqual({ kind: 'idle' });
    // Settings the account does not use leave the result alone.
    const dialerEdited = testedAccountKey({ ...saved, dialer: { ...saved.dialer, wrapUpSeconds: 30 } }, {}, [], false);
    expect(shownTestState(run, dialerEdited)).toBe(run);
  });
});
