import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../src/shared/external-url';

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.service-public.fr/', true],
    ['http://example.com/x', true],
    ['mailto:vendeur@example.fr', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://server/share', false],
    ['https://user:pw@example.com/', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});
