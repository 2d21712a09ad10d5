import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron's `app.getPath('userData')` gives, so both shells share one data folder. */
export function osUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Relance');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Relance');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Relance');
}

/** `RELANCE_DATA_DIR` wins over everything, then an explicit flag, then the OS folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return env.RELANCE_DATA_DIR || flag || osUserDataDir(process.platform, env);
}
