import { importFieldIds } from '../../../shared/domain/import-fields';
import Papa from 'papaparse';
import { csvFormulaEscape } from '../../../shared/csv-cell';
import type { Lead, Phone, Stage, Vehicle } from '../../../shared/domain/lead';
import { csvPhone } from '../../../shared/csv-phone';
import { isSkipNote } from '../../dialer/skip-note';
import { nextCallbackAt } from '../lead-facts';
import { importFields, type ImportField } from '../import/mapping';
import { utcToZoned } from '../import/zone-time';

/** A lead as the exporter reads it: a stored Lead, or a draft (the bench writes drafts as CSV). */
export type ExportableLead = Pick<Lead, 'contact' | 'vehicles' | 'stage' | 'tags' | 'consents'> &
  Partial<
    Pick<Lead, 'tradeIn' | 'source' | 'owner' | 'comments' | 'createdAt' | 'lastContactAt' | 'callbacks' | 'timeline'>
  > & {
    notes?: string[];
  };

export interface CsvExportOptions {
  /** `;` = French Excel: French headers, dd/MM/yyyy dates, decimal comma. `,` = English and ISO. */
  separator: ';' | ',';
  zone?: string;
}

/** Column order of the export (the shared field list); headers are the import's labels, so the file re-imports with no mapping. */
const columns = importFieldIds satisfies readonly ImportField[];

const stageFr: Record<Stage, string> = {
  new: 'nouveau',
  contacted: 'contacté',
  appointment: 'rdv',
  visited: 'venu',
  sold: 'vendu',
  lost: 'perdu',
};
const interestFr: Record<Vehicle['interest'], string> = { buy: 'achat', lease: 'LOA', 'test-drive': 'essai' };
const conditionFr = { new: 'neuf', used: 'occasion' } as const;
const phoneColumn: Record<Phone['type'], ImportField> = {
  mobile: 'phoneMobile',
  home: 'phoneHome',
  work: 'phoneWork',
  fax: 'phoneFax',
  other: 'phoneOther',
};

const BOM = '\uFEFF';

/**
 * Leads -> CSV text (with BOM), one row per lead, first vehicle only; quoting by papaparse. Cells a
 * spreadsheet would run as a formula (international phones too: `+44 …`) get an apostrophe the
 * import takes off. French Excel (`;`) gets French numbers as the French write them, `06 12 34 56 78`:
 * no apostrophe shows in every phone cell, and they re-import with the French default region.
 */
export function leadsToCsv(leads: Iterable<ExportableLead>, options: CsvExportOptions): string {
  const fr = options.separator === ';';
  const zone = options.zone ?? 'Europe/Paris';
  const headers = [...columns.map((c) => importFields[c][fr ? 'fr' : 'en']), fr ? 'Prochain rappel' : 'Next callback'];
  const date = (iso: string | undefined) => {
    if (!iso) return '';
    if (!fr) return iso;
    const t = utcToZoned(zone, Date.parse(iso));
    const p2 = (n: number) => String(n).padStart(2, '0');
    return `${p2(t.d)}/${p2(t.mo)}/${t.y} ${p2(t.h)}:${p2(t.mi)}${t.s === 0 ? '' : `:${p2(t.s)}`}`;
  };
  const num = (n: number | undefined) => (n === undefined ? '' : fr ? String(n).replace('.', ',') : String(n));
  const data: string[][] = [];
  for (const lead of leads) {
    const c = lead.contact;
    const v = lead.vehicles[0];
    const t = lead.tradeIn;
    const business = c.kind === 'business';
    const row: Partial<Record<ImportField, string>> = {
      firstName: c.firstName,
      lastName: c.lastName,
      fullName: business ? '' : c.fullName,
      company: business ? c.fullName : '',
      email: c.email,
      preferredContactTime: c.preferredContactTime,
      street: c.address?.street,
      postalCode: c.address?.postalCode,
      city: c.address?.city,
      country: c.address?.country,
      vehicleInterest: v ? (fr ? interestFr[v.interest] : v.interest) : '',
      vehicleCondition: v?.condition ? (fr ? conditionFr[v.condition] : v.condition) : '',
      vehicleYear: v?.year?.toString(),
      vehicleMake: v?.make,
      vehicleModel: v?.model,
      vehicleTrim: v?.trim,
      vehicleVin: v?.vin,
      vehicleStock: v?.stockNumber,
      vehicleRegistration: v?.registration,
      vehiclePrice: num(v?.price?.amount),
      vehicleCurrency: v?.price?.currency,
      tradeInYear: t?.year?.toString(),
      tradeInMake: t?.make,
      tradeInModel: t?.model,
      tradeInMileage: t?.mileage ? `${t.mileage.value}${t.mileage.unit === 'mi' ? ' mi' : ''}` : '',
      tradeInRegistration: t?.registration,
      tradeInVin: t?.vin,
      source: lead.source?.name,
      sourceProvider: lead.source?.provider,
      sourceId: lead.source?.externalId,
      stage: fr ? stageFr[lead.stage] : lead.stage,
      owner: lead.owner,
      tags: lead.tags.join(', '),
      notes: noteTexts(lead).join('\n\n'),
      comments: lead.comments,
      createdAt: date(lead.createdAt),
      lastContactAt: date(lead.lastContactAt),
    };
    // The preferred number in "Téléphone" for people and dialers; every number again under its type.
    const preferred = c.phones.find((p) => p.preferred) ?? c.phones[0];
    const shown = (e164: string) => csvPhone(e164, options.separator);
    if (preferred) row.phone = shown(preferred.e164);
    // Preferred first within its column, as the import reads it back.
    for (const p of preferred ? [preferred, ...c.phones.filter((x) => x !== preferred)] : c.phones) {
      const col = phoneColumn[p.type];
      row[col] = row[col] ? `${row[col]} / ${shown(p.e164)}` : shown(p.e164);
    }
    const consent = lead.consents.find((x) => !x.revokedAt);
    if (consent) [row.consentGivenAt, row.consentWording] = [date(consent.givenAt), consent.wording];
    const next = lead.callbacks ? nextCallbackAt({ callbacks: lead.callbacks }) : undefined;
    data.push([...columns.map((col) => row[col] ?? ''), date(next)]);
  }
  return (
    BOM +
    Papa.unparse({ fields: headers, data }, { delimiter: options.separator, newline: '\r\n', ...csvFormulaEscape })
  );
}

/** The notes people wrote: the dialer's skip notes are the app's record, not the lead's notes. */
function noteTexts(lead: ExportableLead): string[] {
  if (lead.timeline) return lead.timeline.flatMap((e) => (e.kind === 'note' && !isSkipNote(e.text) ? [e.text] : []));
  return lead.notes ?? [];
}
