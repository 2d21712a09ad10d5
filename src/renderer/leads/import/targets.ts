import { importFieldIds } from '../../../shared/domain/import-fields';

/**
 * Lead fields a CSV column can be mapped to (src/shared/domain/import-fields.ts). Ids the server
 * suggests that are not listed are still offered (shown by id), so nothing is lost silently.
 */
/** The server's "do not import this column"; the UI shows it as its empty choice. */
export const IGNORE = 'ignore';

export const importTargets = importFieldIds;
export type ImportTarget = (typeof importTargets)[number];

export const isKnownTarget = (id: string): id is ImportTarget => (importTargets as readonly string[]).includes(id);

/** Every target to offer: the known ones, then whatever else the server suggested. */
export function targetOptions(suggested: Record<string, string>): string[] {
  const extra = Object.values(suggested).filter((id) => id !== '' && id !== IGNORE && !isKnownTarget(id));
  return [...importTargets, ...new Set(extra)];
}
