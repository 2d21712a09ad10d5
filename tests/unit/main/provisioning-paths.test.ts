import { describe, expect, it } from 'vitest';
import { machineProvisioningFile, provisioningFiles } from '../../../src/main/provisioning-paths';

describe('provisioning paths', () => {
  it('reads the shipped file first, then the machine-wide one (Windows)', () => {
    expect(provisioningFiles('win32', 'C:\\Program Files\\Relance\\resources', { ProgramData: 'D:\\PD' })).toEqual([
      'C:\\Program Files\\Relance\\resources\\provisioning.json',
      'D:\\PD\\Relance\\provisioning.json',
    ]);
  });

  it('falls back to C:\\ProgramData when the variable is missing', () => {
    expect(machineProvisioningFile('win32', {})).toBe('C:\\ProgramData\\Relance\\provisioning.json');
  });

  it('uses /Library/Application Support on macOS', () => {
    expect(provisioningFiles('darwin', '/Applications/Relance.app/Contents/Resources')).toEqual([
      '/Applications/Relance.app/Contents/Resources/provisioning.json',
      '/Library/Application Support/Relance/provisioning.json',
    ]);
  });

  it('uses /etc/relance on Linux', () => {
    expect(provisioningFiles('linux', '/opt/Relance/resources')).toEqual([
      '/opt/Relance/resources/provisioning.json',
      '/etc/relance/provisioning.json',
    ]);
  });
});
