import { existsSync, accessSync, constants } from 'node:fs';
import path from 'node:path';

/*
 * Whether this copy of Relance may update itself. Pure decisions over facts the shell
 * gathers, so every branch is tested without Electron.
 */

/** How Relance was installed, as far as the running copy can tell. */
export type InstallKind = 'nsis' | 'msi' | 'appimage' | 'linux-package' | 'mac-app' | 'unpackaged';

export interface InstallFacts {
  kind: InstallKind;
  /** Installed for every user (Program Files, /opt by a package, a root-owned app bundle): the seller cannot replace it. */
  perMachine: boolean;
  /** Where the app lives; shown to IT in the log and diagnostics. */
  location: string;
}

export type UpdateOffReason =
  /** A development build: nothing to update. */
  | 'not-packaged'
  /** Under a test runner: never touch the network or the install. */
  | 'test'
  /** `updates.enabled` is false (IT provisioning or the user). */
  | 'disabled'
  /** No `updates.url`: IT has not set an update server. */
  | 'no-feed'
  /** Installed for every user: IT deploys new versions, the seller's Relance cannot replace itself. */
  | 'per-machine';

export type UpdateDecision = { run: true; feedUrl: string } | { run: false; reason: UpdateOffReason };

export interface UpdateGateFacts {
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  settings: { enabled: boolean; url: string };
  install: InstallFacts;
}

/** Test runners and CI harnesses announce themselves with one of these. */
export const isTestEnvironment = (env: Record<string, string | undefined>): boolean =>
  env.NODE_ENV === 'test' || Boolean(env.VITEST) || env.RELANCE_DISABLE_UPDATES === '1';

export function decideUpdates(facts: UpdateGateFacts): UpdateDecision {
  if (!facts.isPackaged) return { run: false, reason: 'not-packaged' };
  if (isTestEnvironment(facts.env)) return { run: false, reason: 'test' };
  if (!facts.settings.enabled) return { run: false, reason: 'disabled' };
  if (facts.settings.url === '') return { run: false, reason: 'no-feed' };
  if (facts.install.perMachine) return { run: false, reason: 'per-machine' };
  return { run: true, feedUrl: facts.settings.url };
}

/** The file-system questions install detection asks; injected by tests. */
export interface InstallProbe {
  exists(file: string): boolean;
  writable(dir: string): boolean;
}

export const realInstallProbe: InstallProbe = {
  exists: (file) => existsSync(file),
  writable(dir) {
    try {
      accessSync(dir, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};

const isInside = (dir: string, parent: string | undefined, p: typeof path.win32 | typeof path.posix): boolean => {
  if (!parent) return false;
  const rel = p.relative(p.resolve(parent), p.resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
};

/**
 * Reads the install kind from where the executable is. Windows: Node's access check ignores
 * ACLs, so "per machine" means "under Program Files"; an MSI install has no NSIS uninstaller.
 */
export function detectInstall(
  platform: NodeJS.Platform,
  execPath: string,
  env: Record<string, string | undefined>,
  probe: InstallProbe = realInstallProbe,
): InstallFacts {
  if (platform === 'win32') {
    const p = path.win32;
    const dir = p.dirname(execPath);
    const programFiles = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432];
    const perMachine = programFiles.some((root) => isInside(dir, root, p));
    const nsis = probe.exists(p.join(dir, `Uninstall ${p.basename(execPath, '.exe')}.exe`));
    return { kind: nsis ? 'nsis' : 'msi', perMachine: perMachine || !nsis, location: dir };
  }
  if (platform === 'darwin') {
    const bundle = execPath.includes('.app/') ? execPath.slice(0, execPath.indexOf('.app/') + 4) : execPath;
    return { kind: 'mac-app', perMachine: !probe.writable(path.posix.dirname(bundle)), location: bundle };
  }
  // electron-builder's AppImage runtime sets APPIMAGE to the image file the user runs.
  if (env.APPIMAGE) {
    return { kind: 'appimage', perMachine: !probe.writable(path.posix.dirname(env.APPIMAGE)), location: env.APPIMAGE };
  }
  return { kind: 'linux-package', perMachine: true, location: path.posix.dirname(execPath) };
}
