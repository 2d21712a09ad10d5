import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../../src/cli/run';
import { parseAdf } from '../../../../src/core/leads/import/adf/parse-adf';
import { runImport } from '../../../../src/core/leads/import/run-import';
import type { ImportTarget } from '../../../../src/core/leads/import/target';
import { importWarningText } from '../../../../src/renderer/leads/import/reject-text';
import {
  ImportNoticeSchema,
  importNoticeText,
  type ImportNotice,
  type ImportNoticeCode,
} from '../../../../src/shared/domain/import-notices';
import { ImportReportSchema, warningText } from '../../../../src/shared/domain/import-report';

const ctx = { region: 'FR', zone: 'Europe/Paris' };

/** One notice per code: the type makes a new code without a sample fail to compile. */
const samples: { [C in ImportNoticeCode]: Extract<ImportNotice, { code: C }> } = {
  'doctype-entities-ignored': { code: 'doctype-entities-ignored' },
  'prospect-outside-adf': { code: 'prospect-outside-adf' },
  'element-unknown': { code: 'element-unknown', element: 'prospect/leadscore' },
  'element-not-kept': { code: 'element-not-kept', element: 'vehicle[1]/doors' },
  'phone-type-unknown': { code: 'phone-type-unknown', element: 'customer/contact/phone', type: 'satellite' },
  'phone-type-not-adf': {
    code: 'phone-type-not-adf',
    element: 'customer/contact/phone',
    type: 'cell',
    readAs: 'mobile',
  },
  'phone-type-pager': { code: 'phone-type-pager', element: 'customer/contact/phone' },
  'phone-dropped': { code: 'phone-dropped', element: 'customer/contact/phone', value: '06 1234' },
  'email-dropped': { code: 'email-dropped', element: 'customer/contact/email', value: 'pas-un-mail' },
  'country-dropped': { code: 'country-dropped', element: 'customer/contact/address/country', value: 'FRANCE' },
  'year-dropped': { code: 'year-dropped', element: 'vehicle[1]/year', value: 'abc' },
  'vin-dropped': { code: 'vin-dropped', element: 'vehicle[1]/vin', value: 'VF1-OOO' },
  'odometer-not-trade-in': { code: 'odometer-not-trade-in', element: 'vehicle[1]/odometer' },
  'odometer-dropped': { code: 'odometer-dropped', element: 'vehicle[2]/odometer', value: '12,5' },
  'prices-extra': { code: 'prices-extra', element: 'vehicle[1]/price', count: 3 },
  'price-dropped': { code: 'price-dropped', element: 'vehicle[1]/price', value: 'gratuit' },
  'interest-unknown': { code: 'interest-unknown', element: 'vehicle[1]', value: 'rent' },
  'vehicle-dropped': { code: 'vehicle-dropped', element: 'vehicle[2]', missing: 'model' },
  'second-trade-in-dropped': { code: 'second-trade-in-dropped', element: 'vehicle[3]' },
  'request-date-dropped': {
    code: 'request-date-dropped',
    element: 'prospect/requestdate',
    problem: { code: 'date-not-exist', value: '31/02/2025' },
  },
  'no-name': { code: 'no-name', where: ['Nom', 'Prénom', 'Société'] },
  'no-name-column': { code: 'no-name-column' },
};
/** Said of a CSV file only. */
const csvOnly: ImportNoticeCode[] = ['no-name-column'];

/** Every kind of deviation the importer reports, over two prospects (the second outside <adf>). */
const deviations = `<?xml version="1.0"?>
<!DOCTYPE adf [ <!ENTITY x "y"> ]>
<adf>
<prospect>
  <requestdate>31/02/2025</requestdate>
  <leadscore>87</leadscore>
  <vehicle interest="lease"><make>Renault</make><model>Clio</model><year>abc</year><vin>VF1-OOO</vin><odometer>12000</odometer><doors>5</doors>
    <price>12 000</price><price>13 000</price></vehicle>
  <vehicle interest="rent"><make>Peugeot</make><model>208</model><price>gratuit</price></vehicle>
  <vehicle interest="buy"><make>Skoda</make></vehicle>
  <vehicle interest="buy"><model>Golf</model></vehicle>
  <vehicle interest="trade-in"><make>Fiat</make><model>500</model><odometer>12,5</odometer></vehicle>
  <vehicle interest="sell"><make>Fiat</make><model>Panda</model></vehicle>
  <customer>
    <contact>
      <name part="full">Camille Roux</name>
      <phone type="home">04 78 12 34 56</phone>
      <phone type="satellite">06 45 67 89 01</phone>
      <phone type="pager">06 45 67 89 02</phone>
      <phone>06 1234</phone>
      <email>pas-un-mail</email>
      <email>camille@exemple.fr</email>
      <whatsapp>x</whatsapp>
      <address><city>Lyon</city><country>France</country><planet>Terre</planet></address>
    </contact>
  </customer>
  <provider><name>LBC</name><fax>1</fax></provider>
</prospect>
</adf>
<prospect><requestdate>hier</requestdate><customer><contact><email>a@b.fr</email></contact></customer></prospect>
`;

/** What the importer printed for that file before warnings had codes: the English must not move a word. */
const historical = [
  '2: DOCTYPE with entity declarations ignored (entities are never expanded)',
  '30: <prospect> outside an <adf> element, read anyway',
  '4: prospect/leadscore: unknown element ignored',
  '4: customer/contact/whatsapp: unknown element ignored',
  "4: customer/contact/phone: type 'home' is not ADF, read as home",
  "4: customer/contact/phone: type 'satellite' unknown, read as other",
  "4: customer/contact/phone: type 'pager' read as other",
  "4: customer/contact/phone: '06 1234' is not a valid number, dropped",
  "4: customer/contact/email: 'pas-un-mail' is not a valid e-mail, dropped",
  '4: customer/contact/address/planet: unknown element ignored',
  "4: customer/contact/address/country: 'FRANCE' is not a 2-letter code, dropped",
  '4: vehicle[1]/doors: not kept (Relance has no such field)',
  "4: vehicle[1]/year: 'abc' is not a year, dropped",
  "4: vehicle[1]/vin: 'VF1-OOO' is not a VIN, dropped",
  '4: vehicle[1]/odometer: kept only for a trade-in, dropped',
  '4: vehicle[1]/price: 2 prices, only the first kept',
  "4: vehicle[2]: interest 'rent' unknown, read as buy",
  "4: vehicle[2]/price: 'gratuit' is not a price, dropped",
  '4: vehicle[3]: no model, vehicle dropped',
  '4: vehicle[4]: no make, vehicle dropped',
  "4: vehicle[5]/odometer: '12,5' is not a whole number, dropped",
  '4: vehicle[6]: second trade-in dropped (a lead keeps one)',
  '4: provider/fax: unknown element ignored',
  "4: prospect/requestdate: date '31/02/2025' does not exist, dropped",
  "30: prospect/requestdate: date 'hier' is not a date (expected 31/12/2025, 31/12/2025 14:30 or 2025-12-31), dropped",
  // Added with the code: a prospect with no name is kept, and said so.
  "30: no name and no company: imported without a name (nothing in 'customer/contact/name')",
];

describe('ADF import notices: codes with their values', () => {
  it('every code has an English and a French text, and the schema knows each one', () => {
    const codes = ImportNoticeSchema.options.map((o) => o.shape.code.value);
    expect(Object.keys(samples).sort()).toEqual([...codes].sort());
    for (const notice of Object.values(samples)) {
      expect(ImportNoticeSchema.parse(notice)).toEqual(notice);
      const en = importNoticeText(notice, 'en');
      const fr = importNoticeText(notice, 'fr');
      expect(en.length).toBeGreaterThan(10);
      expect(fr.length).toBeGreaterThan(10);
      expect(fr).not.toBe(en);
    }
  });

  it('English is the historical sentence, word for word', () => {
    const en = (code: ImportNoticeCode) => importNoticeText(samples[code], 'en');
    expect(en('doctype-entities-ignored')).toBe(
      'DOCTYPE with entity declarations ignored (entities are never expanded)',
    );
    expect(en('prospect-outside-adf')).toBe('<prospect> outside an <adf> element, read anyway');
    expect(en('phone-type-not-adf')).toBe("customer/contact/phone: type 'cell' is not ADF, read as mobile");
    expect(en('phone-dropped')).toBe("customer/contact/phone: '06 1234' is not a valid number, dropped");
    expect(en('prices-extra')).toBe('vehicle[1]/price: 3 prices, only the first kept');
    expect(en('vehicle-dropped')).toBe('vehicle[2]: no model, vehicle dropped');
    expect(en('request-date-dropped')).toBe("prospect/requestdate: date '31/02/2025' does not exist, dropped");
  });

  it('French: « » with no-break spaces, the element path first, the date problem in French', () => {
    const fr = (code: ImportNoticeCode) => importNoticeText(samples[code], 'fr');
    expect(fr('phone-dropped')).toBe(
      "customer/contact/phone : Le numéro «\u00a006 1234\u00a0» n'est pas valide, valeur ignorée",
    );
    expect(fr('phone-type-not-adf')).toBe(
      'customer/contact/phone : Type «\u00a0cell\u00a0» hors de la norme ADF, lu comme «\u00a0Portable\u00a0»',
    );
    expect(fr('request-date-dropped')).toBe(
      "prospect/requestdate : La date «\u00a031/02/2025\u00a0» n'existe pas, date de la demande ignorée",
    );
    expect(fr('prospect-outside-adf')).toBe("Élément <prospect> hors d'un élément <adf>, lu quand même");
  });

  it('a file with every kind of deviation: coded notices, the English messages and lines unchanged', () => {
    const adf = parseAdf(deviations, ctx);
    expect(adf.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(historical);
    const codes = new Set<string>();
    for (const w of adf.warnings) {
      expect(w.notice).toBeDefined();
      expect(w.message).toBe(importNoticeText(w.notice!, 'en'));
      codes.add(w.notice!.code);
    }
    expect([...codes].sort()).toEqual(
      Object.keys(samples)
        .filter((c) => !csvOnly.includes(c as ImportNoticeCode))
        .sort(),
    );
    expect(adf.warnings.find((w) => w.notice?.code === 'request-date-dropped' && w.line === 30)?.notice).toEqual({
      code: 'request-date-dropped',
      element: 'prospect/requestdate',
      problem: { code: 'date-invalid', value: 'hier' },
    });
  });

  it('the same file in French', () => {
    const fr = parseAdf(deviations, ctx).warnings.map((w) => `${w.line}: ${warningText(w, 'fr')}`);
    expect(fr).toEqual(
      expect.arrayContaining([
        "2: Déclarations d'entités du DOCTYPE ignorées (les entités ne sont jamais remplacées)",
        '4: prospect/leadscore : Élément inconnu, ignoré',
        '4: customer/contact/phone : Type «\u00a0home\u00a0» hors de la norme ADF, lu comme «\u00a0Domicile\u00a0»',
        '4: customer/contact/phone : Type «\u00a0satellite\u00a0» inconnu, lu comme «\u00a0Autre\u00a0»',
        "4: customer/contact/email : L'adresse e-mail «\u00a0pas-un-mail\u00a0» n'est pas valide, valeur ignorée",
        "4: vehicle[1]/year : «\u00a0abc\u00a0» n'est pas une année, valeur ignorée",
        "4: vehicle[1]/doors : Non conservé (Relance n'a pas ce champ)",
        '4: vehicle[1]/price : 2 prix, seul le premier est gardé',
        '4: vehicle[2] : Type de demande «\u00a0rent\u00a0» inconnu, lu comme «\u00a0Achat\u00a0»',
        '4: vehicle[4] : Pas de marque, véhicule ignoré',
        "4: vehicle[6] : Deuxième reprise ignorée (une fiche prospect n'en garde qu'une)",
        "30: prospect/requestdate : «\u00a0hier\u00a0» n'est pas une date (attendu : 31/12/2025, 31/12/2025 14:30 ou 2025-12-31), date de la demande ignorée",
      ]),
    );
    expect(fr.join('\n')).not.toMatch(/dropped|unknown|read as/);
  });

  it('the import report carries the notices, and the contract keeps them', async () => {
    const target: ImportTarget = {
      async importBatches(batches) {
        let imported = 0;
        for await (const b of batches) imported += b.items.length;
        return { imported, merged: 0, unchanged: 0, rejected: [] };
      },
    };
    const { report } = await runImport(
      { fileName: 'feed.xml', bytes: Buffer.from(deviations), keepValid: true, dryRun: true, region: 'FR' },
      target,
    );
    expect(report.warnings).toEqual(parseAdf(deviations, ctx).warnings);
    expect(ImportReportSchema.parse(report).warnings).toEqual(report.warnings);
  });

  it('the CLI prints the English messages; --json adds the notice next to each', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'relance-notices-'));
    const file = path.join(dir, 'feed.xml');
    await writeFile(file, deviations);
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      await run(argv, { out: (l) => out.push(l), err: () => undefined });
      return out.join('\n');
    };
    const args = ['leads', 'import', file, '--data-dir', path.join(dir, 'data'), '--dry-run'];
    expect(await cli(...args)).toContain("  warning, line 4: vehicle[1]/year: 'abc' is not a year, dropped");
    const json = JSON.parse(await cli(...args, '--json')) as { warnings: unknown[] };
    expect(json.warnings).toContainEqual({
      line: 4,
      message: "vehicle[1]/year: 'abc' is not a year, dropped",
      notice: { code: 'year-dropped', element: 'vehicle[1]/year', value: 'abc' },
    });
  });
});

describe('import screen: a warning in the screen language', () => {
  const warning = { message: "vehicle[1]/year: 'abc' is not a year, dropped", notice: samples['year-dropped'] };

  it('words the notice in the UI language, French for a language it does not know', () => {
    expect(importWarningText(warning, 'fr')).toBe(
      "vehicle[1]/year : «\u00a0abc\u00a0» n'est pas une année, valeur ignorée",
    );
    expect(importWarningText(warning, 'en')).toBe(warning.message);
    expect(importWarningText(warning, 'de')).toBe(importWarningText(warning, 'fr'));
  });

  it('shows the English message of a report without a notice code', () => {
    expect(importWarningText({ message: 'from an older report' }, 'fr')).toBe('from an older report');
  });
});
