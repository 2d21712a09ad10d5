import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import msiProjectCreated, { addProvisioning } from '../../../scripts/package/msi-project.mjs';
import { tempDir } from '../store/helpers';

const require = createRequire(import.meta.url);

/** electron-builder's own MSI template, rendered the way its MsiTarget does (same delimiters). */
async function electronBuilderProject(): Promise<string> {
  const ejs = require(require.resolve('ejs', { paths: [require.resolve('app-builder-lib/package.json')] })) as {
    compile(text: string): (data: object) => string;
  };
  const dir = path.dirname(require.resolve('app-builder-lib/package.json'));
  const template = (await readFile(path.join(dir, 'templates', 'msi', 'template.xml'), 'utf8'))
    .replace(/{{/g, '<%')
    .replace(/}}/g, '%>')
    .replace(/\${([^}]+)}/g, '<%=$1%>');
  return ejs.compile(template)({
    productName: 'Relance',
    upgradeCode: '6EE92FC0-3F0A-4768-9755-94EBE0DFEB9A',
    version: '0.1.0.0',
    manufacturer: 'Relance',
    compressionLevel: 'high',
    installationDirectoryWixName: 'Relance',
    iconPath: null,
    iconId: 'RelanceIcon.exe',
    isRunAfterFinish: true,
    isAssisted: false,
    isPerMachine: true,
    programFilesId: 'ProgramFiles64Folder',
    menuCategory: null,
    isCreateDesktopShortcut: true,
    isCreateStartMenuShortcut: true,
    dirs: '',
    files:
      '<Component><File Name="Relance.exe" Source="x" ReadOnly="yes" KeyPath="yes" Id="mainExecutable"/></Component>',
  });
}

describe('MSI PROVISIONING property', () => {
  it("adds the property, the %ProgramData%\\Relance folder and a component that copies the file, to electron-builder's project", async () => {
    const xml = addProvisioning(await electronBuilderProject());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      Wix: { Product: Record<string, unknown> & { Property: { Id: string; Secure?: string }[] } };
    };
    const product = doc.Wix.Product;
    expect(product.Property).toContainEqual({ Id: 'PROVISIONING', Secure: 'yes' });
    expect(xml).toMatch(/<Directory Id="CommonAppDataFolder">\s*<Directory Id="RELANCEPROGRAMDATA" Name="Relance"\/>/);
    expect(xml).toMatch(/<ComponentRef Id="RelanceMachineProvisioning"\/>/);
    expect(xml).toMatch(
      /<Component Id="RelanceMachineProvisioning" Directory="RELANCEPROGRAMDATA" Guid="\{[0-9A-F-]{36}\}">\s*<Condition>PROVISIONING<\/Condition>/,
    );
    expect(xml).toContain(
      '<CopyFile Id="RelanceCopyProvisioning" SourceProperty="PROVISIONING" DestinationDirectory="RELANCEPROGRAMDATA" DestinationName="provisioning.json"/>',
    );
    // Once only, whatever runs the hook twice.
    expect(addProvisioning(xml)).toBe(xml);
  });

  it('the hook rewrites the project file in place', async () => {
    const file = path.join(tempDir('relance-msi-'), 'project.wxs');
    await writeFile(file, await electronBuilderProject());
    await msiProjectCreated(file);
    expect(await readFile(file, 'utf8')).toContain('Id="PROVISIONING"');
  });

  it("fails the build clearly if electron-builder's template changes shape", () => {
    expect(() => addProvisioning('<Wix><Product></Product></Wix>')).toThrow(/MSIINSTALLPERUSER.*template changed/);
  });
});
