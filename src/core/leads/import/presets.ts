import { z } from 'zod';
import { MappingPresetSchema } from '../../../shared/contract';
import { AppFailure } from '../../../shared/result';
import type { Store } from '../../store';
import { invalidMappingFields } from './mapping';

export type MappingPreset = z.infer<typeof MappingPresetSchema>;

export interface PresetStore {
  list(): MappingPreset[];
  /** Adds or replaces (same name, case-insensitive); resolves once on disk. */
  save(preset: MappingPreset): Promise<MappingPreset[]>;
}

const PresetFileSchema = z.object({ presets: z.array(MappingPresetSchema) });
type PresetFile = z.infer<typeof PresetFileSchema>;

/** Presets live in the store document `import-presets.json` ("Export DMS Renault" -> mapping). */
export async function openPresetStore(store: Store): Promise<PresetStore> {
  const doc = await store.document<PresetFile>('import-presets', {
    schemaVersion: 1,
    migrations: [],
    schema: PresetFileSchema,
    defaults: { presets: [] },
  });
  const list = () => structuredClone(doc.data.presets) as MappingPreset[];
  return {
    list,
    async save(preset) {
      const bad = invalidMappingFields(preset.mapping);
      if (bad.length > 0)
        throw new AppFailure('invalid-request', `unknown lead field(s): ${bad.join(', ')}`, 'mapping');
      await doc.update((data) => {
        const key = preset.name.trim().toLocaleLowerCase('fr');
        data.presets = data.presets.filter((p) => p.name.trim().toLocaleLowerCase('fr') !== key);
        data.presets.push({ name: preset.name.trim(), mapping: { ...preset.mapping } });
        data.presets.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
      });
      return list();
    },
  };
}
