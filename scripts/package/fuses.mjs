// Electron fuses for the packaged app: flipped in the binary after packing, before signing.
// https://www.electronjs.org/docs/latest/tutorial/fuses
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/**
 * Every fuse is set explicitly (`strictlyRequireAllFuses`): an Electron upgrade that adds a
 * fuse fails the build until someone decides its value here.
 */
export const relanceFuses = {
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a general-purpose Node.
  RunAsNode: false,
  // Chromium's cookie store is encrypted with the OS keychain, like the SIP password.
  EnableCookieEncryption: true,
  // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds (Windows and macOS).
  EnableEmbeddedAsarIntegrityValidation: true,
  // The app is loaded only from app.asar, never from a loose resources/app folder.
  OnlyLoadAppFromAsar: true,
  // No custom V8 snapshot is shipped.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The UI is served from app://, never file://: file: keeps no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
  // Electron's default; WebAssembly bounds checks stay fast.
  WasmTrapHandlers: true,
};

/** The @electron/fuses config for one platform/arch. */
export function fuseConfig({ platform, arch }) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [name, value] of Object.entries(relanceFuses)) {
    const index = FuseV1Options[name];
    if (index === undefined) throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[index] = value;
  }
  // Flipping fuses breaks the ad-hoc signature arm64 macOS requires; electron-builder signs after this.
  if (platform === 'darwin' && arch === 'arm64') config.resetAdHocDarwinSignature = true;
  return config;
}

/** The binary that carries the fuse wire, as electron-builder lays the app out. */
export function electronBinaryPath({ appOutDir, platform, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  return path.join(appOutDir, executableName);
}

/** Reads the fuse wire back as `{ FuseName: 'enabled' | 'disabled' | 'removed' | 'inherit' }`. */
export async function readFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  const states = { 48: 'disabled', 49: 'enabled', 114: 'removed', 144: 'inherit' };
  const out = {};
  for (const [key, value] of Object.entries(wire)) {
    if (key === 'version') continue;
    out[FuseV1Options[Number(key)] ?? `fuse${key}`] = states[value] ?? `unknown(${value})`;
  }
  return out;
}

/** Flips the fuses, then reads them back: a binary that did not take them fails the build. */
export async function applyFuses(binary, target) {
  await flipFuses(binary, fuseConfig(target));
  const actual = await readFuses(binary);
  const wrong = Object.entries(relanceFuses).filter(
    ([name, value]) => actual[name] !== 'removed' && actual[name] !== (value ? 'enabled' : 'disabled'),
  );
  if (wrong.length > 0) {
    throw new Error(`fuses not set in ${binary}: ${wrong.map(([name]) => `${name}=${actual[name]}`).join(', ')}`);
  }
  return actual;
}
