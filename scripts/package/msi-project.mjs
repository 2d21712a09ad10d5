// electron-builder `msiProjectCreated` hook: adds the PROVISIONING property to the MSI.
//   msiexec /i Relance-x.y.z-x64.msi PROVISIONING="\\server\it\relance\provisioning.json" /qn
// copies that file to %ProgramData%\Relance\provisioning.json (the machine-wide file).
import { readFile, writeFile } from 'node:fs/promises';

// Fixed: Windows Installer tracks the component by this GUID across every version.
const COMPONENT_GUID = '{4E1B3C52-7D0A-4C8E-9B6F-2A5D8E1F0C37}';

const property = `
    <!-- Relance: PROVISIONING=path copies an IT provisioning file to %ProgramData%\\Relance\\provisioning.json -->
    <Property Id="PROVISIONING" Secure="yes"/>`;

const directory = `
      <Directory Id="CommonAppDataFolder">
        <Directory Id="RELANCEPROGRAMDATA" Name="Relance"/>
      </Directory>`;

// No SourceName: the property holds the full path of the file (MoveFile table, copy mode).
// The component installs only when the property is set; uninstall leaves IT's file in place.
const component = `
    <Component Id="RelanceMachineProvisioning" Directory="RELANCEPROGRAMDATA" Guid="${COMPONENT_GUID}">
      <Condition>PROVISIONING</Condition>
      <CreateFolder/>
      <CopyFile Id="RelanceCopyProvisioning" SourceProperty="PROVISIONING" DestinationDirectory="RELANCEPROGRAMDATA" DestinationName="provisioning.json"/>
    </Component>`;

function insertAfter(xml, anchor, text) {
  const at = xml.indexOf(anchor);
  if (at < 0) throw new Error(`MSI project: "${anchor}" not found; electron-builder's template changed`);
  return xml.slice(0, at + anchor.length) + text + xml.slice(at + anchor.length);
}

/** Pure: the WiX project with the PROVISIONING property, directory, component and feature entry. */
export function addProvisioning(xml) {
  if (xml.includes('Id="PROVISIONING"')) return xml;
  let out = insertAfter(xml, '<Property Id="MSIINSTALLPERUSER" Secure="yes" Value="1"/>', property);
  out = insertAfter(out, '<Directory Id="TARGETDIR" Name="SourceDir">', directory);
  out = insertAfter(
    out,
    '<ComponentGroupRef Id="ProductComponents"/>',
    '\n      <ComponentRef Id="RelanceMachineProvisioning"/>',
  );
  return insertAfter(out, '</ComponentGroup>', component);
}

export default async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addProvisioning(await readFile(projectFile, 'utf8')));
}
