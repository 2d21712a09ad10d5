import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { icnsTypes, icoSizes, linuxSizes, renderIcon } from '../../../scripts/package/make-icons.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

type Config = Record<string, unknown> & {
  appId: string;
  protocols: { schemes: string[] }[];
  files: string[];
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string; executableName: string };
  mac: { target: string[]; icon: string; entitlements: string; extendInfo: Record<string, string> };
  publish: { provider: string }[];
  afterPack: string;
  msiProjectCreated: string;
};
const config = async () => yaml.load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('electron-builder configuration', () => {
  it('names the app, registers tel:, sip: and callto:, and builds every installer IT asked for', async () => {
    const c = await config();
    expect(c.appId).toBe('fr.relance.desktop');
    expect(c.productName).toBe('Relance');
    expect(c.protocols.flatMap((p) => p.schemes)).toEqual(['tel', 'sip', 'callto']);
    expect(c.win.target).toEqual(['nsis', 'msi']);
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.mac.target).toEqual(['dmg', 'zip']);
    expect(c.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
  });

  it('NSIS: assisted per-user or per-machine install with the Relance include; MSI: per-machine with a fixed upgrade code', async () => {
    const c = await config();
    expect(c.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      include: 'build/installer.nsh',
    });
    // Changing this code would make Windows install a second Relance beside the old one.
    expect(c.msi).toMatchObject({ perMachine: true, upgradeCode: '6EE92FC0-3F0A-4768-9755-94EBE0DFEB9A' });
    for (const [, artifact] of [
      ['nsis', c.nsis.artifactName],
      ['msi', c.msi.artifactName],
    ]) {
      expect(artifact).toMatch(/\$\{version\}-\$\{arch\}/);
    }
  });

  it('packs only the build output; hooks, entitlements and icons exist', async () => {
    const c = await config();
    expect(c.files.filter((f) => !f.startsWith('!'))).toEqual([
      'package.json',
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
    ]);
    for (const file of [
      c.afterPack,
      c.msiProjectCreated,
      c.nsis.include as string,
      c.win.icon,
      c.linux.icon,
      c.mac.icon,
      c.mac.entitlements,
    ]) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    expect(c.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
  });

  it('the NSIS include registers the three schemes per install mode and copies /PROVISION= to ProgramData', async () => {
    const nsh = await readFile(path.join(root, 'build', 'installer.nsh'), 'utf8');
    for (const scheme of ['tel', 'sip', 'callto']) {
      expect(nsh).toContain(`!insertmacro relanceRegisterScheme "${scheme}"`);
      expect(nsh).toContain(`!insertmacro relanceUnregisterScheme "${scheme}"`);
    }
    // SHELL_CONTEXT is HKLM for /allusers and HKCU for a per-user install.
    expect(nsh).toMatch(/WriteRegStr SHELL_CONTEXT "Software\\Classes\\\$\{SCHEME\}" "URL Protocol" ""/);
    const code = nsh
      .split('\n')
      .filter((line) => !line.trim().startsWith(';'))
      .join('\n');
    expect(code).not.toMatch(/\b(HKLM|HKCU)\b/);
    expect(nsh).toContain('${GetOptions} $R0 "/PROVISION=" $R1');
    expect(nsh).toContain('CopyFiles /SILENT "$R1" "$R2\\Relance\\provisioning.json"');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*!macroend[\s\S]*!macro customUnInstall[\s\S]*!macroend/);
  });
});

describe('icons', () => {
  it('Linux: one PNG per size, of that size', async () => {
    for (const size of linuxSizes) {
      expect(pngSize(await readFile(path.join(root, 'build', 'icons', `${size}x${size}.png`)))).toEqual([size, size]);
    }
    expect(pngSize(await readFile(path.join(root, 'build', 'icon.png')))).toEqual([1024, 1024]);
  });

  it('Windows .ico and macOS .icns hold valid PNGs at every listed size', async () => {
    const ico = await readFile(path.join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(icoSizes.length);
    icoSizes.forEach((size, i) => {
      const at = 6 + 16 * i;
      const png = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
      expect(pngSize(png)).toEqual([size, size]);
    });
    const icns = await readFile(path.join(root, 'build', 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let at = 8;
    for (const [type, size] of icnsTypes) {
      expect(icns.toString('latin1', at, at + 4)).toBe(type);
      const length = icns.readUInt32BE(at + 4);
      expect(pngSize(icns.subarray(at + 8, at + length))).toEqual([size, size]);
      at += length;
    }
  });

  it('the committed icon is what the script draws (rerun make-icons after a change)', async () => {
    expect(await readFile(path.join(root, 'build', 'icons', '64x64.png'))).toEqual(renderIcon(64));
  });

  it('draws an opaque tile with transparent corners', () => {
    const png = renderIcon(32);
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    const alpha = (x: number, y: number) => raw[y * (32 * 4 + 1) + 1 + x * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(16, 28)).toBe(255);
  });
});
