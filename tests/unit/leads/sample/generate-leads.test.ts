import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { LeadDraftSchema, type LeadDraft } from '../../../../src/shared/domain/lead';
import { parsePhone } from '../../../../src/shared/phone';
import { generateSampleLeads } from '../../../../src/core/leads/sample/generate-leads';
import { isValidVin } from '../../../../src/core/leads/sample/vin';

const now = new Date('2025-06-15T10:00:00.000Z');
const leads = generateSampleLeads(5000, { seed: 42, now });
const share = (pred: (l: LeadDraft) => boolean) => leads.filter(pred).length / leads.length;
// Offenders are collected and asserted once: an expect() per item would dominate the run time.
const phoneProblem = (raw: string, e164: string): string | undefined => {
  const parsed = parsePhone(raw);
  if (!parsed.ok || parsed.e164 !== e164) return `${raw} -> ${JSON.stringify(parsed)} (stored ${e164})`;
  if (!parsePhoneNumberFromString(e164)?.isValid()) return `${e164} invalid`;
  return undefined;
};

describe('generateSampleLeads', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSampleLeads(500, { seed: 7, now })).toEqual(generateSampleLeads(500, { seed: 7, now }));
    expect(generateSampleLeads(50, { seed: 8, now })).not.toEqual(generateSampleLeads(50, { seed: 7, now }));
    expect(generateSampleLeads(3, { now })).toEqual(generateSampleLeads(3, { seed: 1, now }));
  });

  it('returns the requested count and rejects bad counts', () => {
    expect(generateSampleLeads(0)).toEqual([]);
    expect(generateSampleLeads(3)).toHaveLength(3);
    expect(() => generateSampleLeads(-1)).toThrow(RangeError);
    expect(() => generateSampleLeads(1.5)).toThrow(RangeError);
  });

  it('produces schema-valid drafts', () => {
    const invalid = leads.slice(0, 2000).flatMap((lead, i) => {
      const result = LeadDraftSchema.safeParse(lead);
      return result.success ? [] : [{ i, issues: result.error.issues }];
    });
    expect(invalid).toEqual([]);
  });

  it('produces only valid phone numbers, raw parsing to the stored E.164, one preferred', () => {
    const problems: string[] = [];
    let numbers = 0;
    for (const lead of leads) {
      const phones = lead.contact.phones;
      if (phones.length > 0 && phones.filter((p) => p.preferred).length !== 1) problems.push('preferred count');
      if (phones.length === 0 && !lead.contact.email) problems.push('no phone and no email');
      for (const p of phones) {
        numbers++;
        const problem = phoneProblem(p.raw, p.e164);
        if (problem) problems.push(problem);
        if (p.type === 'mobile' && p.e164.startsWith('+33') && !/^\+33[67]/.test(p.e164)) problems.push(p.e164);
      }
    }
    expect(problems).toEqual([]);
    expect(numbers).toBeGreaterThan(leads.length);
    const raws = leads.flatMap((l) => l.contact.phones.map((p) => p.raw));
    for (const typed of [/^0[67] \d\d \d\d \d\d \d\d$/, /^0[1-9]\d{8}$/, /^\+33 [67] \d\d/, /^0[1-59]\.\d\d\./]) {
      expect(
        raws.some((raw) => typed.test(raw)),
        String(typed),
      ).toBe(true);
    }
  });

  it('includes a few Belgian, Swiss or US numbers and some second phones', () => {
    const foreign = share((l) => l.contact.phones.some((p) => !p.e164.startsWith('+33')));
    expect(foreign).toBeGreaterThan(0.004);
    expect(foreign).toBeLessThan(0.02);
    expect(share((l) => l.contact.phones.length === 2)).toBeGreaterThan(0.1);
  });

  it('gives every VIN a valid check digit, SIV plates and stock numbers', () => {
    const problems: string[] = [];
    let vins = 0;
    for (const lead of leads) {
      for (const v of [...lead.vehicles, ...(lead.tradeIn ? [lead.tradeIn] : [])]) {
        if (v.vin && (vins++, !isValidVin(v.vin))) problems.push(v.vin);
        if (v.registration && !/^[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}$/.test(v.registration)) {
          problems.push(v.registration);
        }
      }
      for (const v of lead.vehicles) {
        if (v.stockNumber && !/^V[ON]-\d{2}-\d{4}$/.test(v.stockNumber)) problems.push(v.stockNumber);
      }
    }
    expect(problems).toEqual([]);
    expect(vins).toBeGreaterThan(500);
  });

  it('uses accented French names and ascii emails', () => {
    const names = leads.map(
      (l) => `${l.contact.firstName ?? ''} ${l.contact.lastName ?? ''} ${l.contact.fullName ?? ''}`,
    );
    for (const accented of [
      'Élodie',
      'Hélène',
      'François',
      'Gaëlle',
      'Jérôme',
      'Zoé',
      'Lefèvre',
      'Müller',
      "N'Diaye",
    ]) {
      expect(
        names.some((n) => n.includes(accented)),
        accented,
      ).toBe(true);
    }
    const emails = leads.flatMap((l) => (l.contact.email ? [l.contact.email] : []));
    expect(emails.filter((e) => !/^[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(e))).toEqual([]);
    const noEmail = 1 - emails.length / leads.length;
    expect(noEmail).toBeGreaterThan(0.1);
    expect(noEmail).toBeLessThan(0.2);
  });

  it('has sane distributions', () => {
    const businesses = share((l) => l.contact.kind === 'business');
    expect(businesses).toBeGreaterThan(0.04);
    expect(businesses).toBeLessThan(0.12);
    expect(share((l) => l.tradeIn !== undefined)).toBeCloseTo(0.4, 1);
    expect(share((l) => l.consents.length > 0)).toBeCloseTo(0.6, 1);
    const stage = (s: LeadDraft['stage']) => share((l) => l.stage === s);
    expect(stage('new') + stage('contacted')).toBeGreaterThan(0.45);
    expect(stage('appointment')).toBeLessThan(stage('contacted'));
    expect(stage('sold')).toBeGreaterThan(0.03);
    expect(stage('lost')).toBeGreaterThan(0.05);
  });

  it('keeps dates consistent with now', () => {
    const earliest = Date.parse('2023-12-15T10:00:00.000Z');
    const problems: string[] = [];
    for (const lead of leads) {
      const created = Date.parse(lead.createdAt ?? '');
      if (!(created >= earliest && created <= now.getTime())) problems.push(`createdAt ${lead.createdAt}`);
      if ((lead.stage === 'new') !== (lead.lastContactAt === undefined)) problems.push(`lastContactAt/${lead.stage}`);
      if (lead.lastContactAt && Date.parse(lead.lastContactAt) < created) problems.push('contact before creation');
      for (const c of lead.consents) {
        if (Date.parse(c.givenAt) > now.getTime()) problems.push(`givenAt ${c.givenAt}`);
        if (!lead.contact.phones.some((p) => p.preferred && p.e164 === c.number)) problems.push('consent number');
      }
    }
    expect(problems).toEqual([]);
    const months = new Set(leads.map((l) => l.createdAt?.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(18);
  });

  it('generates 100k leads', () => {
    const start = performance.now();
    const many = generateSampleLeads(100_000, { seed: 3, now });
    const ms = performance.now() - start;
    expect(many).toHaveLength(100_000);
    // The rare foreign numbers: check them all at this scale.
    const foreign = many.flatMap((l) => l.contact.phones.filter((p) => !p.e164.startsWith('+33')));
    expect(foreign.length).toBeGreaterThan(500);
    expect(foreign.flatMap((p) => phoneProblem(p.raw, p.e164) ?? [])).toEqual([]);
    const countries = new Set(foreign.map((p) => (p.e164.startsWith('+1') ? '+1' : p.e164.slice(0, 3))));
    expect(countries).toEqual(new Set(['+32', '+41', '+1']));
    console.log(`generateSampleLeads(100_000): ${ms.toFixed(0)} ms`);
  });
});

describe('sample e-mails', () => {
  it('never gives two leads the same e-mail, so an import does not merge strangers', () => {
    const emails = generateSampleLeads(20_000, { seed: 3 })
      .map((draft) => draft.contact.email)
      .filter((email): email is string => email !== undefined);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
