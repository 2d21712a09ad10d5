/**
 * Lead fields a CSV column can be mapped to: a copy of `importFieldNames` in
 * src/core/leads/import/mapping.ts (the renderer may not import core), to be replaced once that
 * list moves to src/shared. Ids the server suggests that are not listed here are still offered
 * (shown by id), so a drift shows up as an untranslated option, not a lost column.
 */
/** The server's "do not import this column"; the UI shows it as its empty choice. */
export const IGNORE = 'ignore';

export const importTargets = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'phone',
  'phoneMobile',
  'phoneHome',
  'phoneWork',
  'phoneFax',
  'phoneOther',
  'email',
  'preferredContactTime',
  'street',
  'postalCode',
  'city',
  'country',
  'vehicleInterest',
  'vehicleCondition',
  'vehicleYear',
  'vehicleMake',
  'vehicleModel',
  'vehicleTrim',
  'vehicleVin',
  'vehicleStock',
  'vehicleRegistration',
  'vehiclePrice',
  'vehicleCurrency',
  'tradeInYear',
  'tradeInMake',
  'tradeInModel',
  'tradeInMileage',
  'tradeInRegistration',
  'tradeInVin',
  'source',
  'sourceProvider',
  'sourceId',
  'stage',
  'owner',
  'tags',
  'notes',
  'comments',
  'consentGivenAt',
  'consentWording',
  'createdAt',
  'lastContactAt',
] as const;
export type ImportTarget = (typeof importTargets)[number];

export const isKnownTarget = (id: string): id is ImportTarget => (importTargets as readonly string[]).includes(id);

/** Every target to offer: the known ones, then whatever else the server suggested. */
export function targetOptions(suggested: Record<string, string>): string[] {
  const extra = Object.values(suggested).filter((id) => id !== '' && id !== IGNORE && !isKnownTarget(id));
  return [...importTargets, ...new Set(extra)];
}
