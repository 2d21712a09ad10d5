import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveStaticPath } from '../../../src/core/static/resolve-static';

describe('resolveStaticPath', () => {
  const root = '/srv/renderer';
  it('maps paths inside the root and / to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/app-1.js?v=2')).toBe('/srv/renderer/assets/app-1.js');
  });
  it.each([
    '/../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2fsecret',
    '/a%00.js',
    '/..\\..\\x',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
  it('knows the types the renderer ships', () => {
    expect(mimeTypeOf('x.js')).toMatch(/javascript/);
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});
