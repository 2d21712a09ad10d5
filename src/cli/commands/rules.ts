import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { checkCall, nextLegalTime, type CallContext, type NextLegal } from '../../core/calling-rules';
import { readCustomRules, readRuleSetFile } from '../../core/calling-rules/custom-rules';
import { ruleSetFileText } from '../../core/calling-rules/rule-set-file';
import { recentAttempts } from '../../core/calls/recent-attempts';
import { openMergedLeads } from '../../core/leads/merged-leads';
import { readSettingsOffline } from '../../core/diagnostics/offline-settings';
import { openNationalLists } from '../../core/outcomes/national-do-not-call';
import { resolveDataDir } from '../../core/paths';
import { openStore, writeFileDurably } from '../../core/store';
import {
  CUSTOM_RULES,
  ruleSetPresets,
  timeReasonCodes,
  type CallReason,
  type ContractRecord,
  type RuleSet,
  type ZoneSource,
} from '../../shared/domain/calling-rules';
import type { ConsentRecord, Lead } from '../../shared/domain/lead';
import { defaultSettings, type Settings } from '../../shared/domain/settings';
import { rulesCatalog } from '../../shared/i18n/rules-text';
import { parsePhone } from '../../shared/phone';
import type { CliIo } from '../run';
import { labels, localWhen, reasonSentence, ruleWords, seenWords, type Lang } from './rules-words';

/** Exit statuses of `relance rules explain` (documented in docs/calling-rules.md). */
export const EXIT_ALLOWED = 0;
export const EXIT_USAGE = 2;
export const EXIT_FORBIDDEN = 3;

class UsageError extends Error {}

// ---------------------------------------------------------------- where the rules come from

type RulesFrom = 'preset' | 'file' | 'settings' | 'custom-file' | 'custom-default';
interface ChosenRules {
  rules: RuleSet;
  from: RulesFrom;
  file?: string;
}

function badFile(file: string, errors: readonly string[]): UsageError {
  return new UsageError(
    [`${file}: not a valid rule set (${errors.length} problem${errors.length > 1 ? 's' : ''})`]
      .concat(errors.map((e) => `  ${file}: ${e}`))
      .join('\n'),
  );
}

async function customOf(dataDir: string | undefined): Promise<ChosenRules> {
  if (!dataDir) return { rules: CUSTOM_RULES, from: 'custom-default' };
  const custom = await readCustomRules(dataDir);
  if (custom.status === 'invalid') throw badFile(custom.file, custom.errors);
  return custom.status === 'valid'
    ? { rules: custom.rules, from: 'custom-file', file: custom.file }
    : { rules: custom.rules, from: 'custom-default' };
}

/** FR, US, custom (the data folder's set) or a file; without one, the data folder's settings. */
async function chooseRules(option: string | undefined, settings: Settings, dataDir: string | undefined) {
  if (option === 'FR' || option === 'US') return { rules: ruleSetPresets[option], from: 'preset' } as ChosenRules;
  if (option === 'custom') return customOf(dataDir);
  if (option !== undefined) {
    const file = path.resolve(option);
    const read = await readRuleSetFile(file);
    if (!read.ok) throw badFile(file, read.errors);
    return { rules: read.rules, from: 'file', file } as ChosenRules;
  }
  if (settings.rules === 'custom') return customOf(dataDir);
  return { rules: ruleSetPresets[settings.rules], from: 'settings' } as ChosenRules;
}

// ---------------------------------------------------------------- the data folder

interface DataFolder {
  dir: string | undefined;
  settings: Settings;
  notes: string[];
}

/** An explicit folder (flag or RELANCE_DATA_DIR) must exist; the OS default may be absent (defaults then). */
async function openDataFolder(flag: string | undefined): Promise<DataFolder> {
  const dir = resolveDataDir(flag);
  if (!existsSync(dir)) {
    if (flag || process.env.RELANCE_DATA_DIR) throw new UsageError(`no data folder at ${dir}`);
    return { dir: undefined, settings: defaultSettings, notes: [] };
  }
  const { view, notes } = await readSettingsOffline(dir, []);
  return { dir, settings: view.values, notes };
}

/** The internal do-not-call list as on disk, read without opening the store (which would take its write side). */
async function readDoNotCall(dir: string | undefined): Promise<{ numbers: Set<string>; from: 'data-dir' | 'none' }> {
  const file = dir ? path.join(dir, 'do-not-call.json') : undefined;
  if (!file || !existsSync(file)) return { numbers: new Set(), from: 'none' };
  let parsed: { numbers?: { number?: unknown }[] };
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as typeof parsed;
  } catch (error) {
    // The app restores a damaged list from its backups; an audit cannot guess it.
    throw new UsageError(`${file} cannot be read (${(error as Error).message}): run "relance db check"`);
  }
  const numbers = new Set<string>();
  for (const entry of parsed.numbers ?? []) if (typeof entry.number === 'string') numbers.add(entry.number);
  return { numbers, from: 'data-dir' };
}

/** The copy of the national list that covers the number, read as the app reads it. */
async function readNationalCopy(dir: string, number: string) {
  let problem: string | undefined;
  const lists = await openNationalLists(dir, { readOnly: true, report: (p) => (problem ??= `${p.file}: ${p.detail}`) });
  if (problem) throw new UsageError(`${problem}: import the list again ("relance dnc import")`);
  return lists.forNumber(number);
}

/** The lead and its recent call starts (the journal projection the dialer uses). */
async function readLead(dir: string, id: string): Promise<{ lead: Lead; attempts: Date[] }> {
  if (!existsSync(path.join(dir, 'leads', '_manifest.json'))) throw new UsageError(`no leads in ${dir}`);
  const attempts = recentAttempts();
  const store = await openStore({ dataDir: dir, projections: [attempts] });
  try {
    const leads = await store.collection<Lead>('leads');
    const lead = leads.get(id);
    if (!lead) throw new UsageError(`no lead with id "${id}" in ${dir}`);
    // The calls of the leads merged into this one count as its attempts (as in the app).
    const merges = await openMergedLeads(store);
    return { lead: structuredClone(lead) as Lead, attempts: attempts.of(merges.idsOf(id)) };
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------- explain

export interface RulesExplainArgs {
  number: string | undefined;
  at: string | undefined;
  rules: string | undefined;
  lead: string | undefined;
  consent: string | undefined;
  attempts30d: string | undefined;
  dataDir: string | undefined;
  json: boolean;
  lang: string | undefined;
}

/** One reason as `--json` gives it (docs/calling-rules.md). */
export interface ExplainedReason {
  code: CallReason['code'];
  text: string;
  rule: string;
  seen: Omit<CallReason, 'code'>;
  seenText: string;
  /** Whether waiting lifts this reason. */
  liftedByWaiting: boolean;
  /** When this reason alone stops blocking (an attempt frees, a refusal ends, the hours open); null if never or unknown. */
  liftedAt: string | null;
}

export interface Explanation {
  allowed: boolean;
  number: string;
  at: string;
  rules: { id: string; label: string; from: RulesFrom; file: string | null };
  dealershipZone: string;
  callee: {
    zone: string;
    source: ZoneSource;
    fallback: boolean;
    zonesChecked: string[];
    localTime: string;
  };
  inputs: {
    lead: string | null;
    consent: 'given' | 'contract' | 'none' | 'default' | 'lead';
    consentRecords: number;
    attempts30d: number;
    attemptsFrom: 'option' | 'data-dir' | 'none';
    internalDoNotCall: { from: 'data-dir' | 'none'; numbers: number };
    /** The national list copy that covers the number (`relance dnc import`), if the data folder has one. */
    nationalDoNotCall: { list: string; asOf: string; numbers: number } | null;
  };
  reasons: ExplainedReason[];
  nextLegal: { status: NextLegal['status']; at: string | null; horizonDays: number | null };
  notes: string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

function parseAt(value: string, zone: string): Date {
  const t = DateTime.fromISO(value, { zone, setZone: true });
  if (!/T\d{2}:\d{2}/.test(value) || !t.isValid)
    throw new UsageError(`--at must be an ISO-8601 time such as 2026-06-05T10:30:00+02:00, got "${value}"`);
  return t.toJSDate();
}

/** The number as the dialer would hold it: E.164, read in the dealership's region when national. */
function readNumber(value: string, region: string): string {
  const parsed = parsePhone(value, region);
  if (parsed.ok) return parsed.e164;
  // The engine names what is wrong with it (invalid-number): an audit shows that, not a usage error.
  return value.replace(/[\s.()-]/g, '');
}

/** Builds the whole explanation: pure given what was read from disk. */
export function explainCall(input: {
  rules: ChosenRules;
  ctx: CallContext;
  inputs: Explanation['inputs'];
  lang: Lang;
  notes: string[];
}): Explanation {
  const { rules, ctx, lang } = input;
  const verdict = checkCall(rules.rules, ctx);
  const zone = verdict.zone;
  // When the hours alone would allow the call (consent, lists and limits set aside): for the time reasons.
  const hoursOnly: RuleSet = {
    ...rules.rules,
    consent: { ...rules.rules.consent, required: false },
    refusal: { ...rules.rules.refusal, blocks: false },
    doNotCall: { ...rules.rules.doNotCall, internal: false, national: 'off' },
    attemptLimits: [],
  };
  let hoursOpen: string | null | undefined;
  const hoursNext = () => {
    if (hoursOpen === undefined) {
      const next = nextLegalTime(hoursOnly, ctx);
      hoursOpen = next.status === 'at' || next.status === 'now' ? next.at.toISOString() : null;
    }
    return hoursOpen;
  };
  const reasons = (verdict.allowed ? [] : verdict.reasons).map((reason): ExplainedReason => {
    const { code, ...seen } = reason;
    const timed = timeReasonCodes.has(code);
    let liftedAt: string | null = null;
    if (reason.code === 'attempt-limit') liftedAt = reason.freesAt;
    else if (reason.code === 'refused') liftedAt = reason.until ?? null;
    else if (timed) liftedAt = hoursNext();
    return {
      code,
      text: reasonSentence(reason, lang, zone),
      rule: ruleWords(reason, rules.rules, lang),
      seen,
      seenText: seenWords(reason, lang, zone),
      liftedByWaiting: timed || (reason.code === 'refused' && reason.until !== undefined),
      liftedAt,
    };
  });
  const next: NextLegal = verdict.allowed ? { status: 'now', at: ctx.now } : verdict.nextLegal;
  return {
    allowed: verdict.allowed,
    number: ctx.number,
    at: ctx.now.toISOString(),
    rules: { id: rules.rules.id, label: rules.rules.label[lang], from: rules.from, file: rules.file ?? null },
    dealershipZone: ctx.dealershipZone,
    callee: {
      zone,
      source: verdict.zoneSource,
      fallback: verdict.zoneSource === 'dealership-fallback',
      zonesChecked: verdict.zonesChecked,
      localTime: DateTime.fromJSDate(ctx.now, { zone }).toISO()!,
    },
    inputs: input.inputs,
    reasons,
    nextLegal: {
      status: next.status,
      at: next.status === 'at' || next.status === 'now' ? next.at.toISOString() : null,
      horizonDays: next.status === 'beyond-horizon' ? next.horizonDays : null,
    },
    notes: input.notes,
  };
}

/** `relance rules explain`: would this call be allowed, and why not. 0 allowed, 3 forbidden, 2 usage. */
export async function rulesExplain(args: RulesExplainArgs, io: CliIo): Promise<number> {
  try {
    if (args.number === undefined || args.number.trim() === '') throw new UsageError('--number NUMBER is required');
    if (args.at === undefined) throw new UsageError('--at ISO-8601-TIME is required');
    if (args.lead !== undefined && args.consent !== undefined)
      throw new UsageError('give --lead ID or --consent, not both (a lead brings its own consent records)');
    if (args.consent !== undefined && !['given', 'contract', 'none'].includes(args.consent))
      throw new UsageError(`--consent must be given, contract or none, got "${args.consent}"`);
    if (args.lang !== undefined && args.lang !== 'fr' && args.lang !== 'en')
      throw new UsageError(`--lang must be fr or en, got "${args.lang}"`);
    let attemptsOverride: number | undefined;
    if (args.attempts30d !== undefined) {
      attemptsOverride = Number(args.attempts30d);
      if (!/^\d+$/.test(args.attempts30d) || attemptsOverride > 1000)
        throw new UsageError(`--attempts-30d must be a whole number from 0 to 1000, got "${args.attempts30d}"`);
    }

    const folder = await openDataFolder(args.dataDir);
    const { settings } = folder;
    const lang: Lang = (args.lang as Lang | undefined) ?? settings.locale;
    const now = parseAt(args.at, settings.dealershipZone);
    const number = readNumber(args.number, settings.defaultRegion);
    const rules = await chooseRules(args.rules, settings, folder.dir);
    const notes = [...folder.notes];
    const dnc = await readDoNotCall(folder.dir);
    const national = folder.dir ? await readNationalCopy(folder.dir, number) : undefined;

    let consents: ConsentRecord[] = [];
    let contracts: ContractRecord[] = [];
    let attempts: Date[] = [];
    let attemptsFrom: Explanation['inputs']['attemptsFrom'] = 'none';
    let address: Lead['contact']['address'];
    if (args.lead !== undefined) {
      if (!folder.dir) throw new UsageError(`--lead needs a data folder: none at ${resolveDataDir(args.dataDir)}`);
      const found = await readLead(folder.dir, args.lead);
      consents = found.lead.consents;
      address = found.lead.contact.address;
      // As of --at: calls made after it did not exist then.
      attempts = found.attempts.filter((a) => a.getTime() <= now.getTime());
      attemptsFrom = 'data-dir';
      if (!found.lead.contact.phones.some((p) => p.e164 === number)) {
        notes.push(
          lang === 'fr'
            ? `${number} n'est pas un des numéros de ce prospect`
            : `${number} is not one of this lead's numbers`,
        );
      }
    } else if (args.consent === 'given') {
      const givenAt = new Date(now.getTime() - MINUTE).toISOString();
      consents = [{ id: 'cli', number, givenAt, channel: 'other', wording: 'relance rules explain --consent given' }];
    } else if (args.consent === 'contract') {
      contracts = [{ id: 'cli', reference: 'relance rules explain --consent contract', startedAt: now.toISOString() }];
    }
    if (attemptsOverride !== undefined) {
      // Taken as made just before --at: the limit then frees as late as it can (the cautious reading).
      attempts = Array.from({ length: attemptsOverride }, (_, i) => new Date(now.getTime() - (i + 1) * MINUTE));
      attemptsFrom = 'option';
    }

    const explanation = explainCall({
      rules,
      lang,
      notes,
      ctx: {
        lead: { consents, contact: address ? { address } : {} },
        number,
        now,
        attempts,
        contracts,
        doNotCall: { internal: dnc.numbers, ...(national ? { national } : {}) },
        dealershipZone: settings.dealershipZone,
      },
      inputs: {
        lead: args.lead ?? null,
        consent: args.lead !== undefined ? 'lead' : ((args.consent as 'given' | 'contract' | 'none') ?? 'default'),
        consentRecords: consents.length,
        attempts30d: attempts.filter((a) => now.getTime() - a.getTime() < 30 * DAY).length,
        attemptsFrom,
        internalDoNotCall: { from: dnc.from, numbers: dnc.numbers.size },
        nationalDoNotCall: national
          ? {
              list: national.list,
              asOf: national.asOf.toISOString().slice(0, 10),
              numbers: national.numbers.size,
            }
          : null,
      },
    });
    io.out(args.json ? JSON.stringify(explanation, null, 2) : explanationText(explanation, lang));
    return explanation.allowed ? EXIT_ALLOWED : EXIT_FORBIDDEN;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`relance rules explain: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

export function explanationText(e: Explanation, lang: Lang): string {
  const l = labels[lang];
  const zone = e.callee.zone;
  const lines = [
    `${l.call} ${e.number} ${l.at} ${localWhen(e.at, zone)} — ${e.allowed ? l.allowed : l.forbidden}`,
    `${l.rules}: ${e.rules.label} (${e.rules.id}, ${l.from[e.rules.from]}${e.rules.file ? ` ${e.rules.file}` : ''})`,
    `${l.calleeZone}: ${zone}, ${zoneSourceWords(e.callee.source, lang)}` +
      (e.callee.zonesChecked.length > 1 ? `; ${l.checkedIn} ${e.callee.zonesChecked.join(', ')}` : '') +
      `; ${l.localTime} ${DateTime.fromISO(e.callee.localTime, { setZone: true }).toFormat('yyyy-MM-dd HH:mm')}`,
  ];
  if (e.callee.fallback) lines.push(l.fallbackWarning);
  if (e.reasons.length > 0) {
    lines.push('', `${l.reasons}:`);
    for (const r of e.reasons) {
      lines.push(`  ✗ [${r.code}] ${r.text}`, `      ${l.rule}: ${r.rule}`, `      ${l.seen}: ${r.seenText}`);
      const lifted = r.liftedAt
        ? localWhen(r.liftedAt, zone)
        : r.liftedByWaiting
          ? nextLegalWords(e, lang)
          : notByWaiting(lang);
      lines.push(`      ${l.next}: ${lifted}`);
    }
  }
  lines.push('', `${l.nextLegal}: ${e.allowed ? l.now : nextLegalWords(e, lang)}`);
  const i = e.inputs;
  lines.push(
    '',
    `${l.inputs}: ${i.lead ? `${l.lead} ${i.lead}; ` : ''}${l.consent} ${l.consentFrom[i.consent]}` +
      `${i.consent === 'lead' ? ` (${i.consentRecords})` : ''}; ${i.attempts30d} ${l.attempts} (${l.attemptsFrom[i.attemptsFrom]}); ` +
      `${l.dnc}: ${i.internalDoNotCall.from === 'data-dir' ? `${i.internalDoNotCall.numbers} ${l.numbers}` : l.notLoaded}; ` +
      `${l.nationalDnc}: ${i.nationalDoNotCall ? `${i.nationalDoNotCall.list} ${l.asOf} ${i.nationalDoNotCall.asOf} (${i.nationalDoNotCall.numbers} ${l.numbers})` : l.none}`,
  );
  if (e.notes.length > 0) lines.push(`${l.notes}: ${e.notes.join('; ')}`);
  return lines.join('\n');
}

function zoneSourceWords(source: ZoneSource, lang: Lang): string {
  return (rulesCatalog[lang].zoneSource as Record<string, string>)[source] ?? source;
}

function notByWaiting(lang: Lang): string {
  return rulesCatalog[lang].nextLegal['not-by-waiting'].replace(/\.$/, '');
}

function nextLegalWords(e: Explanation, lang: Lang): string {
  const n = e.nextLegal;
  if (n.status === 'at' || n.status === 'now') return localWhen(n.at!, e.callee.zone);
  if (n.status === 'beyond-horizon')
    return rulesCatalog[lang].nextLegal['beyond-horizon']
      .replace('{{horizonDays}}', String(n.horizonDays))
      .replace(/\.$/, '');
  return notByWaiting(lang);
}

// ---------------------------------------------------------------- export and check

/** `relance rules export FR|US|custom FILE`: a set as a file to read or adapt (custom: the data folder's). */
export async function rulesExport(args: { set: string; file: string; dataDir: string | undefined }, io: CliIo) {
  try {
    if (args.set !== 'FR' && args.set !== 'US' && args.set !== 'custom')
      throw new UsageError(`the set must be FR, US or custom, got "${args.set}"`);
    let rules: RuleSet;
    let from = '';
    if (args.set === 'custom') {
      const folder = await openDataFolder(args.dataDir);
      const chosen = await customOf(folder.dir);
      rules = chosen.rules;
      from = chosen.file ? ` (from ${chosen.file})` : ' (built-in custom set)';
    } else {
      rules = ruleSetPresets[args.set];
    }
    const file = path.resolve(args.file);
    await writeFileDurably(file, ruleSetFileText(rules));
    io.out(`Rule set ${rules.id}${from} written to ${file}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`relance rules export: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** `relance rules check FILE`: every problem by field path; 0 valid, 2 not. */
export async function rulesCheck(args: { file: string; json: boolean }, io: CliIo): Promise<number> {
  const file = path.resolve(args.file);
  const read = await readRuleSetFile(file);
  if (args.json) {
    io.out(
      JSON.stringify(
        read.ok
          ? { file, valid: true, id: read.rules.id, problems: [] }
          : { file, valid: false, problems: read.errors },
        null,
        2,
      ),
    );
  } else if (read.ok) {
    io.out(`${file}: valid rule set "${read.rules.id}" (${read.rules.label.en})`);
  } else {
    io.err(badFile(file, read.errors).message);
  }
  return read.ok ? 0 : EXIT_USAGE;
}
