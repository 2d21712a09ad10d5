// electron-builder `afterPack` hook: sets the Electron fuses on the packed binary (before signing).
import { applyFuses, electronBinaryPath } from './fuses.mjs';

// builder-util's Arch enum, by value (not imported: a transitive dependency).
const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export default async function afterPack(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const binary = electronBinaryPath({
    appOutDir,
    platform,
    productFilename: packager.appInfo.productFilename,
    executableName: packager.executableName,
  });
  const fuses = await applyFuses(binary, { platform, arch: archNames[context.arch] });
  console.log(`  • fuses set on ${binary}: ${JSON.stringify(fuses)}`);
}
