// Packaging, validated offline as far as this machine allows: electron-builder packs the unpacked
// Linux app (`--linux dir`) from electron-builder.yml against a stand-in Electron (the real binary
// cannot be downloaded here); then the packed app.asar, the generated metadata and the fuses are
// checked, and electronegativity runs over the sources.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityLint } from '../../scripts/package/security-lint.mjs';
import { createStandInElectron } from '../../scripts/package/stand-in-electron.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  statFile(archive: string, file: string): { size?: number };
  extractAll(archive: string, dest: string): void;
};
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface PackReport {
  appOutDir: string;
  appId: string;
  productName: string;
  version: string;
  executable: string;
  protocols: { schemes: string[] }[];
  desktopEntry: string;
  fuses: Record<string, string>;
  buildMs: number;
}

let work: string;
let report: PackReport;
let archive: string;
let entries: string[];

beforeAll(async () => {
  for (const entry of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(path.join(root, entry))) throw new Error(`${entry} is missing: run "npm run build" first`);
  }
  work = await mkdtemp(path.join(tmpdir(), 'relance-pack-'));
  const electronDist = await createStandInElectron(path.join(work, 'electron'));
  const reportFile = path.join(work, 'report.json');
  await promisify(execFile)(
    process.execPath,
    [
      'scripts/package/pack-dir.mjs',
      '--electron-dist',
      electronDist,
      '--out',
      path.join(work, 'dist'),
      '--report',
      reportFile,
    ],
    { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 16 << 20 },
  );
  report = JSON.parse(await readFile(reportFile, 'utf8')) as PackReport;
  archive = path.join(report.appOutDir, 'resources', 'app.asar');
  entries = asar.listPackage(archive);
  asar.extractAll(archive, path.join(work, 'app'));
}, 120_000);
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

const inAsar = (p: string) => entries.includes(p.startsWith('/') ? p : `/${p}`);
const packagesIn = () =>
  new Set(entries.map((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e)?.[1]).filter((n): n is string => !!n));

describe('packaged app (electron-builder --linux dir)', () => {
  it('holds the entry points the packaged package.json points to', async () => {
    // The CSV import worker beside the main bundle (Electron loads worker_threads scripts from the asar).
    for (const entry of [
      'out/main/index.js',
      'out/main/csv-import-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(inAsar(entry), entry).toBe(true);
    }
    const packed = JSON.parse(await readFile(path.join(work, 'app', 'package.json'), 'utf8')) as {
      main: string;
      version: string;
      desktopName: string;
    };
    expect(packed.main).toBe(pkg.main);
    expect(inAsar(packed.main)).toBe(true);
    expect(packed.version).toBe(pkg.version);
    expect(packed.desktopName).toBe('relance.desktop');
    // The renderer's assets the page loads are there too.
    const html = await readFile(path.join(root, 'out/renderer/index.html'), 'utf8');
    for (const asset of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g))
      expect(inAsar(`out/renderer/${asset[1]}`), asset[1]).toBe(true);
  });

  it('ships every production dependency and no devDependency', () => {
    const packed = packagesIn();
    for (const name of Object.keys(pkg.dependencies)) expect(packed.has(name), name).toBe(true);
    for (const name of Object.keys(pkg.devDependencies)) expect(packed.has(name), name).toBe(false);
    for (const name of ['electron', 'electron-builder', 'vitest', 'typescript', 'react', 'sip.js', 'playwright-core']) {
      expect(packed.has(name), name).toBe(false);
    }
  });

  it('ships no sources, tests, source maps or TypeScript', () => {
    const offenders = entries.filter(
      (e) =>
        /^\/(src|tests|bench|scripts|docs|build|bin)\//.test(e) ||
        /\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(e) ||
        /\.(map|ts|mts|cts|tsx)$/.test(e) ||
        /^\/out\/cli\//.test(e),
    );
    expect(offenders).toEqual([]);
  });

  it('loads its dependencies from the packed tree (the trimmed astronomia tables included)', async () => {
    const app = path.join(work, 'app');
    const script = `
      import Holidays from 'date-holidays';
      import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
      import { z } from 'zod';
      import { zipSync } from 'fflate';
      const cn = new Holidays('CN').getHolidays(2026).length;
      const fr = new Holidays('FR').getHolidays(2026).length;
      console.log(JSON.stringify({ cn, fr, country: parsePhoneNumberFromString('+33612345678').country, zod: typeof z.object, zip: zipSync({}).length }));`;
    await writeFile(path.join(app, 'probe.mjs'), script);
    const { stdout } = await promisify(execFile)(process.execPath, ['probe.mjs'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ cn: expect.any(Number), fr: 13, country: 'FR', zod: 'function', zip: 22 });
    expect(JSON.parse(stdout).cn).toBeGreaterThan(5);
  });

  it('reports size, file count and contents (and stays within its budget)', async () => {
    const size = (await stat(archive)).size;
    const byPackage = new Map<string, number>();
    for (const entry of entries) {
      const bytes = asar.statFile(archive, entry.slice(1)).size ?? 0;
      const key = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry)?.[1] ?? entry.split('/').slice(0, 3).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytes);
    }
    const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(
      [
        `app.asar: ${(size / 1e6).toFixed(1)} MB, ${entries.length} entries, ${packagesIn().size} packages; --dir build ${(report.buildMs / 1000).toFixed(1)} s`,
        ...top.map(([name, bytes]) => `  ${name.padEnd(28)} ${(bytes / 1e6).toFixed(2)} MB`),
      ].join('\n'),
    );
    // A budget, not a measurement: a dependency that drags in tens of MB must be a decision.
    expect(size).toBeLessThan(45e6);
  });

  it('generates the metadata: app id, version, tel:/sip:/callto: in the .desktop entry, update feed file', async () => {
    expect(report).toMatchObject({ appId: 'fr.relance.desktop', productName: 'Relance', version: pkg.version });
    expect(report.protocols.flatMap((p) => p.schemes)).toEqual(['tel', 'sip', 'callto']);
    const desktop = Object.fromEntries(
      report.desktopEntry
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(desktop).toMatchObject({
      Name: 'Relance',
      Exec: '/opt/Relance/relance %U',
      MimeType: 'x-scheme-handler/tel;x-scheme-handler/sip;x-scheme-handler/callto;',
      StartupWMClass: 'relance',
    });
    const appUpdate = await readFile(path.join(report.appOutDir, 'resources', 'app-update.yml'), 'utf8');
    expect(appUpdate).toMatch(/^provider: generic$/m);
    expect(appUpdate).toMatch(/^updaterCacheDirName: relance-updater$/m);
    expect(existsSync(path.join(report.appOutDir, 'relance'))).toBe(true);
  });

  it('wrote the fuses into the packed binary', () => {
    expect(report.fuses).toEqual({
      RunAsNode: 'disabled',
      EnableCookieEncryption: 'enabled',
      EnableNodeOptionsEnvironmentVariable: 'disabled',
      EnableNodeCliInspectArguments: 'disabled',
      EnableEmbeddedAsarIntegrityValidation: 'enabled',
      OnlyLoadAppFromAsar: 'enabled',
      LoadBrowserProcessSpecificV8Snapshot: 'disabled',
      GrantFileProtocolExtraPrivileges: 'disabled',
      WasmTrapHandlers: 'enabled',
    });
  });
});

describe('electronegativity', () => {
  it('finds nothing unreviewed in src/', async () => {
    const report = await securityLint();
    expect(report.checks).toBeGreaterThan(30);
    expect(report.unjustified).toEqual([]);
    expect(report.stale).toEqual([]);
    expect(report.unreadable).toEqual([]);
  });

  it('would fail a window that turns Node integration on', async () => {
    const dir = path.join(work, 'bad-src');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const report = await securityLint({ input: dir });
    expect(report.unjustified.map((f) => f.check)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']),
    );
  });
});
