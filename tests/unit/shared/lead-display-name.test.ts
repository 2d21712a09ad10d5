import { describe, expect, it } from 'vitest';
import { leadDisplayName } from '../../../src/shared/domain/lead';

describe('leadDisplayName', () => {
  it('names a person by first and last name, else by the full name', () => {
    expect(leadDisplayName({ kind: 'individual', firstName: 'Élodie', lastName: 'Martin' })).toBe('Élodie Martin');
    expect(leadDisplayName({ kind: 'individual', fullName: ' Élodie Martin ' })).toBe('Élodie Martin');
    expect(leadDisplayName({ kind: 'individual', firstName: 'Élodie', fullName: 'É. Martin' })).toBe('Élodie');
    expect(leadDisplayName({ kind: 'individual' })).toBe('');
  });

  it('names a business by its company name, with the person to ask for when there is one', () => {
    expect(leadDisplayName({ kind: 'business', fullName: 'Garage André SARL' })).toBe('Garage André SARL');
    expect(
      leadDisplayName({ kind: 'business', fullName: 'Garage André SARL', firstName: 'Bérénice', lastName: 'André' }),
    ).toBe('Garage André SARL (Bérénice André)');
    // No company name typed yet: the person is all there is to say.
    expect(leadDisplayName({ kind: 'business', firstName: 'Bérénice', lastName: 'André' })).toBe('Bérénice André');
  });
});
