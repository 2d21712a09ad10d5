import { describe, expect, it } from 'vitest';
import { formatStats } from '../../../../src/renderer/dialer/stats-format';

const stats = {
  dialed: 1234,
  connected: 517,
  contactRate: 517 / 1234,
  appointments: 12,
  talkSeconds: 3 * 3600 + 25 * 60 + 7.6,
  callsPerHour: 18.46,
};

// Intl puts narrow no-break spaces in French numbers; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatStats', () => {
  it('says the counters the French way', () => {
    const shown = formatStats(stats, 'fr');
    expect(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, plain(v)]))).toEqual({
      dialed: '1 234',
      connected: '517',
      contactRate: '42 %',
      appointments: '12',
      talkTime: '3:25:07',
      callsPerHour: '18,5',
    });
  });

  it('and the English way', () => {
    expect(formatStats(stats, 'en')).toEqual({
      dialed: '1,234',
      connected: '517',
      contactRate: '42%',
      appointments: '12',
      talkTime: '3:25:07',
      callsPerHour: '18.5',
    });
  });

  it('shows a session before its first call as zeros', () => {
    const shown = formatStats(
      { dialed: 0, connected: 0, contactRate: 0, appointments: 0, talkSeconds: 0, callsPerHour: 0 },
      'en',
    );
    expect(shown).toEqual({
      dialed: '0',
      connected: '0',
      contactRate: '0%',
      appointments: '0',
      talkTime: '0:00',
      callsPerHour: '0',
    });
  });
});
