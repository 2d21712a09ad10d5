import { describe, expect, it } from 'vitest';
import { levelFromSamples, resolveDevices } from '../../../src/renderer/phone/engine/audio';

const wanted = { microphoneId: 'headset-mic', speakerId: 'headset-out', ringerId: 'desk-speaker' };

describe('audio device choice', () => {
  it('uses the chosen devices when they are present', () => {
    expect(
      resolveDevices(wanted, {
        inputs: ['default', 'headset-mic'],
        outputs: ['default', 'headset-out', 'desk-speaker'],
      }),
    ).toEqual({
      effective: wanted,
    });
  });

  it('falls back to the default and says which device is missing (headset unplugged)', () => {
    expect(resolveDevices(wanted, { inputs: ['default'], outputs: ['default', 'desk-speaker'] })).toEqual({
      effective: { microphoneId: '', speakerId: '', ringerId: 'desk-speaker' },
      fallback: { kind: 'microphone', wantedId: 'headset-mic' },
    });
    expect(
      resolveDevices({ ...wanted, microphoneId: '' }, { inputs: ['default'], outputs: ['default'] }).fallback,
    ).toEqual({
      kind: 'speaker',
      wantedId: 'headset-out',
    });
  });

  it('treats "" and "default" as the system default, and cannot judge before permission (empty ids)', () => {
    expect(
      resolveDevices({ microphoneId: 'default', speakerId: '', ringerId: '' }, { inputs: [], outputs: [] }),
    ).toEqual({
      effective: { microphoneId: '', speakerId: '', ringerId: '' },
    });
    expect(resolveDevices(wanted, { inputs: [''], outputs: [''] })).toEqual({ effective: wanted });
  });
});

describe('input level', () => {
  it('maps a frame to 0..1 (a full-scale sine reads 1, silence 0)', () => {
    const sine = Float32Array.from({ length: 480 }, (_, i) => Math.sin((2 * Math.PI * i) / 48));
    expect(levelFromSamples(sine)).toBeCloseTo(1, 1);
    expect(levelFromSamples(sine.map((v) => v * 0.25))).toBeCloseTo(0.25, 1);
    expect(levelFromSamples(new Float32Array(128))).toBe(0);
    expect(levelFromSamples(new Float32Array(0))).toBe(0);
  });
});
