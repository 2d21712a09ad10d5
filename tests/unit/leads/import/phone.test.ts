import { describe, expect, it } from 'vitest';
import { phoneToE164 } from '../../../../src/core/leads/import/phone-e164';
import { parsePhone } from '../../../../src/shared/phone';

describe('phoneToE164', () => {
  it("follows parsePhone's rule exactly (valid, invalid, foreign, odd input)", () => {
    const inputs = [
      '06 12 34 56 78',
      '+33 6 12 34 56 78',
      '0033612345678',
      '01.42.68.53.00',
      '(0)6-12-34-56-78',
      '12 34',
      '',
      'pas de numéro',
      '07 11 22 33 44',
      '+32 470 12 34 56',
      '0470 12 34 56',
      '+1 415 555 2671',
      '06 12 34 56 78 poste 12',
      '+44 20 7946 0958',
      '0800 123 456',
      '09 72 10 10 10',
      '+33 (0)6 12 34 56 78',
      '00 33 6 12 34 56 78',
    ];
    for (const region of ['FR', 'BE']) {
      for (const input of inputs) {
        const p = parsePhone(input, region);
        expect(phoneToE164(input, region), `${region} ${input}`).toBe(p.ok ? p.e164 : undefined);
      }
    }
  });
});
