// A stand-in for Electron's Linux distribution, for `electronDist` in offline packaging tests:
// the real binary cannot be downloaded there. Its `electron` file carries a genuine fuse wire
// (sentinel, version, length, states), so @electron/fuses reads and flips it as on the real one.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron 45 defaults, in FuseV1Options order: RunAsNode, CookieEncryption, NODE_OPTIONS,
// inspect, asar integrity, only-asar, V8 snapshot, file: privileges, WASM trap handlers.
export const ELECTRON_DEFAULT_WIRE = '101100011';

/** `electron` as bytes: a shell script that says what it is, then the fuse wire. */
export function standInBinary(wire = ELECTRON_DEFAULT_WIRE) {
  const script = '#!/bin/sh\necho "stand-in Electron binary (packaging tests): it cannot run the app" >&2\nexit 1\n';
  return Buffer.concat([
    Buffer.from(script),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from('\n'),
  ]);
}

/** Writes the stand-in distribution into `dir` (created); returns `dir`. */
export async function createStandInElectron(dir, { version = '45.5.0', wire } = {}) {
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await writeFile(path.join(dir, 'electron'), standInBinary(wire));
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'version'), version);
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for the Electron MIT licence file.\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  for (const locale of ['en-US', 'fr']) await writeFile(path.join(dir, 'locales', `${locale}.pak`), 'stand-in');
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/package/stand-in-electron.mjs DIR');
    process.exit(2);
  }
  await createStandInElectron(path.resolve(dir));
  console.log(path.resolve(dir));
}
