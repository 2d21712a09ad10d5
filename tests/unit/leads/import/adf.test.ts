import { describe, expect, it } from 'vitest';
import { parseAdf } from '../../../../src/core/leads/import/adf/parse-adf';
import { MalformedXml } from '../../../../src/core/leads/import/adf/xml';
import { fixture } from './helpers';

const ctx = { region: 'FR', zone: 'Europe/Paris' };
const read = async (name: string) => (await fixture(name)).toString('utf8');

describe('ADF import', () => {
  it('reads prospects: names, phones with ADF types, address, vehicle, trade-in, provider, request date', async () => {
    const adf = parseAdf(await read('adf-two-prospects.xml'), ctx);
    expect(adf.rejects).toEqual([]);
    expect(adf.warnings).toEqual([]);
    expect(adf.items.map((i) => i.line)).toEqual([4, 44]);
    const [first, second] = adf.items.map((i) => i.draft);
    expect(first).toEqual({
      contact: {
        kind: 'individual',
        firstName: 'Élodie',
        lastName: 'Lefèvre',
        phones: [
          { e164: '+33612345678', raw: '06 12 34 56 78', type: 'mobile', preferred: true },
          { e164: '+33142685300', raw: '01 42 68 53 00', type: 'other', preferred: false },
        ],
        email: 'elodie.lefevre@exemple.fr',
        address: { street: "12 rue de l'Église", city: 'Lyon', postalCode: '69003', country: 'FR' },
        preferredContactTime: 'après 18h',
      },
      vehicles: [
        {
          interest: 'buy',
          condition: 'used',
          year: 2022,
          make: 'Peugeot',
          model: '3008',
          trim: 'Allure Pack',
          vin: 'VF3MCYHZRNS123456',
          stockNumber: 'ST-889',
          registration: 'FG-456-HJ',
          price: { amount: 27990, currency: 'EUR', type: 'asking' },
        },
      ],
      tradeIn: { year: 2015, make: 'Renault', model: 'Mégane', mileage: { value: 142000, unit: 'km' } },
      source: { name: 'La Centrale', provider: 'LaCentrale', externalId: 'LC-2025-0001' },
      stage: 'new',
      tags: [],
      consents: [],
      comments: 'Souhaite un essai samedi & une offre de reprise',
      createdAt: '2025-12-01T09:15:00.000Z',
    });
    expect(second!.contact).toMatchObject({
      kind: 'business',
      fullName: 'Transports Dupont & Fils',
      phones: [{ type: 'fax' }],
    });
    expect(second!.vehicles[0]).toMatchObject({ interest: 'test-drive', condition: 'new' });
  });

  it('reads three concatenated <adf> documents, each with its own <?xml?> declaration', async () => {
    const adf = parseAdf(await read('adf-concatenated.xml'), ctx);
    expect(adf.items.map((i) => [i.line, i.draft.source?.externalId])).toEqual([
      [2, 'LBC-1'],
      [5, 'LBC-2'],
      [8, 'LBC-3'],
    ]);
  });

  it('reads a wrapper around several <adf> (and says so for a bare <prospect>)', () => {
    const p = (n: string) =>
      `<prospect><customer><contact><name part="full">${n}</name><email>${n}@x.fr</email></contact></customer></prospect>`;
    expect(parseAdf(`<leads><adf>${p('a')}</adf><adf>${p('b')}</adf></leads>`, ctx).items).toHaveLength(2);
    const bare = parseAdf(p('c'), ctx);
    expect(bare.items).toHaveLength(1);
    expect(bare.warnings[0]!.message).toMatch(/outside an <adf>/);
  });

  it('is lenient with real-world deviations and reports what it dropped or reinterpreted, with the line', async () => {
    const adf = parseAdf(await read('adf-real-world.xml'), ctx);
    expect(adf.items).toHaveLength(1);
    expect(adf.items[0]!.draft.contact.phones.map((p) => [p.e164, p.type])).toEqual([
      ['+33478123456', 'home'],
      ['+33645678901', 'mobile'],
    ]);
    expect(adf.items[0]!.draft.vehicles).toEqual([{ interest: 'buy', make: 'Volkswagen', model: 'Golf' }]);
    expect(adf.items[0]!.draft.contact.preferredContactTime).toBe('Dans le mois');
    const messages = adf.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "3: customer/contact/phone: type 'home' is not ADF, read as home",
        "3: customer/contact/phone: type 'mobile' is not ADF, read as mobile",
        "3: customer/contact/phone: 'pas de numéro' is not a valid number, dropped",
        '3: customer/contact/whatsapp: unknown element ignored',
        '3: prospect/leadscore: unknown element ignored',
        "3: vehicle[1]/year: '2O23' is not a year, dropped",
        '3: vehicle[1]/colorcombination: not kept (Relance has no such field)',
        '3: vehicle[2]: no model, vehicle dropped',
        "24: customer/contact/email: 'pas-un-mail' is not a valid e-mail, dropped",
      ]),
    );
    expect(adf.rejects).toEqual([
      {
        line: 24,
        column: 'prospect[2]/customer/contact',
        reason: 'no phone and no e-mail: nothing to call',
        problem: { code: 'no-contact-channel' },
      },
    ]);
  });

  it('gives a clear error with the line for malformed XML', async () => {
    const text = await read('adf-malformed.xml');
    expect(() => parseAdf(text, ctx)).toThrow(MalformedXml);
    expect(() => parseAdf(text, ctx)).toThrow(/^XML is malformed at line 10, column \d+: /);
  });

  it('never expands declared entities (billion laughs) and decodes only the XML five and numeric references', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE adf [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<adf><prospect><customer><contact><name part="full">&lol3;&xxe;</name><email>a@b.fr</email></contact>
<comments>Dupont &amp; Fils &#233;t&#xE9; &lt;ok&gt; &nbsp;</comments></customer></prospect></adf>`;
    const t = performance.now();
    const adf = parseAdf(bomb, ctx);
    expect(performance.now() - t).toBeLessThan(500);
    expect(adf.items[0]!.draft.contact.fullName).toBe('&lol3;&xxe;');
    expect(adf.items[0]!.draft.comments).toBe('Dupont & Fils été <ok> &nbsp;');
    expect(adf.warnings[0]).toEqual({
      line: 2,
      message: 'DOCTYPE with entity declarations ignored (entities are never expanded)',
      notice: { code: 'doctype-entities-ignored' },
    });
  });

  it('says when a file has no prospect at all', () => {
    expect(parseAdf('<adf></adf>', ctx).rejects).toEqual([
      { line: 1, reason: 'no <prospect> found: is this an ADF file?', problem: { code: 'no-prospect' } },
    ]);
  });
});
