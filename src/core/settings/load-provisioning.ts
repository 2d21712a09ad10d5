import { readFile } from 'node:fs/promises';
import { emptyProvisioning, mergeProvisioning, parseProvisioning, type Provisioning } from './provisioning';

/**
 * Reads provisioning files in precedence order (lowest first). A missing file is normal
 * (most machines have none); an unreadable one is reported, never fatal.
 */
export async function loadProvisioning(files: string[]): Promise<Provisioning> {
  const layers: Provisioning[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      const layer = emptyProvisioning();
      layer.sources.push(file);
      layer.issues.push({ source: file, field: '(file)', message: `cannot be read: ${(error as Error).message}` });
      layers.push(layer);
      continue;
    }
    layers.push(parseProvisioning(text.replace(/^\uFEFF/, ''), file));
  }
  return mergeProvisioning(layers);
}
