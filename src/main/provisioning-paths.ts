import { posix, win32 } from 'node:path';

/**
 * Provisioning files, lowest precedence first: the one shipped next to the app
 * (`resources/provisioning.json`), then the machine-wide one IT deploys.
 */
export function provisioningFiles(
  platform: NodeJS.Platform,
  resourcesPath: string,
  env: Record<string, string | undefined> = {},
): string[] {
  const path = platform === 'win32' ? win32 : posix;
  return [path.join(resourcesPath, 'provisioning.json'), machineProvisioningFile(platform, env)];
}

export function machineProvisioningFile(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined> = {},
): string {
  switch (platform) {
    case 'win32':
      return win32.join(env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData', 'Relance', 'provisioning.json');
    case 'darwin':
      return '/Library/Application Support/Relance/provisioning.json';
    default:
      return '/etc/relance/provisioning.json';
  }
}
