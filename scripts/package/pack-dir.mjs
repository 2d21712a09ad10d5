// Packs the unpacked Linux app (`--linux dir`) with electron-builder.yml, against a given
// Electron distribution, and writes a JSON report of what electron-builder generated (the
// .desktop entry of the deb/AppImage, app id, version, protocols, fuses, time taken).
// CI and the packaging test use it with a stand-in Electron (scripts/package/stand-in-electron.mjs):
//   node scripts/package/pack-dir.mjs --electron-dist DIR --out DIR [--report FILE]
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import afterPack from './after-pack.mjs';
import { readFuses } from './fuses.mjs';

const { values } = parseArgs({
  options: { 'electron-dist': { type: 'string' }, out: { type: 'string' }, report: { type: 'string' } },
  strict: true,
});
if (!values['electron-dist'] || !values.out) {
  console.error('usage: node scripts/package/pack-dir.mjs --electron-dist DIR --out DIR [--report FILE]');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const { build, Platform } = require('electron-builder');
// The helper electron-builder's deb and AppImage targets use to write the .desktop file.
const { LinuxTargetHelper } = require(
  path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'out/targets/LinuxTargetHelper.js'),
);

const report = {};
const started = performance.now();
await build({
  targets: Platform.LINUX.createTarget('dir'),
  publish: 'never',
  config: {
    electronDist: path.resolve(values['electron-dist']),
    directories: { output: path.resolve(values.out) },
    async afterPack(context) {
      await afterPack(context);
      const { packager } = context;
      const binary = path.join(context.appOutDir, packager.executableName);
      Object.assign(report, {
        appOutDir: context.appOutDir,
        appId: packager.appInfo.id,
        productName: packager.appInfo.productName,
        version: packager.appInfo.version,
        executable: binary,
        protocols: packager.config.protocols,
        desktopEntry: await new LinuxTargetHelper(packager).computeDesktopEntry(packager.platformSpecificBuildOptions),
        fuses: await readFuses(binary),
      });
    },
  },
});
report.buildMs = Math.round(performance.now() - started);
if (values.report) await writeFile(values.report, JSON.stringify(report, null, 2));
else console.log(JSON.stringify(report, null, 2));
