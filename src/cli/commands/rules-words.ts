import { DateTime } from 'luxon';
import { weekdays, type CallReason, type RuleSet, type Weekday } from '../../shared/domain/calling-rules';
import { rulesCatalog } from '../../shared/i18n/rules-text';

/** The words of `relance rules explain`, in the settings' language or --lang. */
export type Lang = 'fr' | 'en';

const dayNames: Record<Lang, Record<Weekday, string>> = {
  fr: { mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi', sat: 'samedi', sun: 'dimanche' },
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
};

export const labels = {
  fr: {
    call: 'Appel',
    at: 'le',
    allowed: 'AUTORISÉ',
    forbidden: 'INTERDIT',
    rules: 'Règles',
    calleeZone: "Fuseau de l'appelé",
    fallbackWarning:
      "Attention : ni le numéro ni l'adresse n'indiquent le fuseau de l'appelé ; celui de la concession est utilisé.",
    checkedIn: 'vérifié dans',
    localTime: 'heure locale',
    reasons: 'Raisons',
    rule: 'règle',
    seen: 'constaté',
    next: 'levée',
    nextLegal: 'Prochain créneau légal',
    now: 'maintenant',
    inputs: 'Données',
    consent: 'consentement',
    attempts: 'appels ou tentatives sur 30 jours',
    dnc: "liste d'opposition interne",
    nationalDnc: "copie de liste d'opposition nationale",
    asOf: 'du',
    none: 'aucune',
    numbers: 'numéros',
    notLoaded: 'non lue',
    lead: 'lead',
    notes: 'Remarques',
    from: {
      preset: 'préréglage',
      file: 'fichier',
      settings: 'réglages',
      'custom-file': 'fichier personnalisé du dossier de données',
      'custom-default': 'jeu personnalisé intégré (pas de calling-rules.json)',
    },
    consentFrom: {
      given: 'donné (--consent given)',
      contract: 'contrat en cours (--consent contract)',
      none: 'aucun (--consent none)',
      default: 'aucun (sans --lead ni --consent)',
      lead: 'celui du lead',
    },
    attemptsFrom: { option: '--attempts-30d', 'data-dir': 'journal des appels', none: 'aucun' },
  },
  en: {
    call: 'Call to',
    at: 'at',
    allowed: 'ALLOWED',
    forbidden: 'FORBIDDEN',
    rules: 'Rules',
    calleeZone: "Callee's time zone",
    fallbackWarning:
      "Warning: neither the number nor the address tells the callee's zone; the dealership's zone is used.",
    checkedIn: 'checked in',
    localTime: 'local time',
    reasons: 'Reasons',
    rule: 'rule',
    seen: 'seen',
    next: 'lifted',
    nextLegal: 'Next legal time',
    now: 'now',
    inputs: 'Inputs',
    consent: 'consent',
    attempts: 'calls or attempts in 30 days',
    dnc: 'internal do-not-call list',
    nationalDnc: 'national do-not-call copy',
    asOf: 'as of',
    none: 'none',
    numbers: 'numbers',
    notLoaded: 'not read',
    lead: 'lead',
    notes: 'Notes',
    from: {
      preset: 'preset',
      file: 'file',
      settings: 'settings',
      'custom-file': "data folder's custom file",
      'custom-default': 'built-in custom set (no calling-rules.json)',
    },
    consentFrom: {
      given: 'given (--consent given)',
      contract: 'contract in progress (--consent contract)',
      none: 'none (--consent none)',
      default: 'none (no --lead nor --consent)',
      lead: "the lead's records",
    },
    attemptsFrom: { option: '--attempts-30d', 'data-dir': 'call journal', none: 'none' },
  },
} as const;

/** An instant as the callee reads it: "2026-06-08 10:00 (Europe/Paris)". */
export function localWhen(iso: string | Date, zone: string): string {
  const t = typeof iso === 'string' ? DateTime.fromISO(iso, { zone }) : DateTime.fromJSDate(iso, { zone });
  return `${t.toFormat('yyyy-MM-dd HH:mm')} (${zone})`;
}

const windowsText = (windows: readonly { start: string; end: string }[]) =>
  windows.map((w) => `${w.start}–${w.end}`).join(', ');

/** The reason's sentence from the shared catalog, with parameters in plain words. */
export function reasonSentence(reason: CallReason, lang: Lang, zone: string): string {
  const key = reason.code === 'refused' && reason.until ? 'refused-until' : reason.code;
  const template = (rulesCatalog[lang].reasons as Record<string, string>)[key] ?? reason.code;
  const params = reason as unknown as Record<string, unknown>;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (name === 'windows') return windowsText(value as { start: string; end: string }[]);
    if (name === 'name') return (value as Record<Lang, string>)[lang];
    if (['revokedAt', 'refusedAt', 'until', 'listAsOf', 'freesAt'].includes(name))
      return localWhen(String(value), zone);
    return String(value ?? '');
  });
}

/** What the rule set says, for this reason. */
export function ruleWords(reason: CallReason, rules: RuleSet, lang: Lang): string {
  const fr = lang === 'fr';
  const days = (d: Weekday) => dayNames[lang][d];
  switch (reason.code) {
    case 'invalid-number':
      return fr
        ? 'le numéro doit être un numéro international valide (E.164)'
        : 'the number must be a valid E.164 number';
    case 'no-consent': {
      const scope =
        reason.scope === 'number'
          ? fr
            ? 'pour le numéro appelé'
            : 'for the dialled number'
          : fr
            ? "pour l'un des numéros du consommateur"
            : "for one of the consumer's numbers";
      const except = rules.consent.exceptOngoingContract
        ? fr
          ? ', sauf contrat en cours'
          : ', unless a contract is in progress'
        : '';
      return fr ? `consentement requis ${scope}${except}` : `consent required ${scope}${except}`;
    }
    case 'consent-revoked':
      return fr ? 'un consentement retiré bloque tout appel ultérieur' : 'a withdrawn consent blocks every later call';
    case 'refused':
      return rules.refusal.forDays === null
        ? fr
          ? 'un refus pendant un appel bloque tout nouvel appel'
          : 'a refusal during a call blocks further calls for good'
        : fr
          ? `un refus bloque les appels pendant ${rules.refusal.forDays} jours`
          : `a refusal blocks calls for ${rules.refusal.forDays} days`;
    case 'on-internal-dnc':
      return fr ? "liste d'opposition de la concession respectée" : "the dealership's do-not-call list is honoured";
    case 'on-national-dnc':
      return fr ? "liste d'opposition nationale respectée" : 'the national do-not-call list is honoured';
    case 'national-dnc-missing':
      return fr
        ? `liste nationale obligatoire pour ${rules.doNotCall.nationalCountries.join(', ')}`
        : `a national list copy is required for ${rules.doNotCall.nationalCountries.join(', ')}`;
    case 'national-dnc-stale':
      return fr
        ? `copie de la liste nationale de ${rules.doNotCall.nationalMaxAgeDays} jours au plus`
        : `the national list copy must be at most ${rules.doNotCall.nationalMaxAgeDays} days old`;
    case 'weekend':
    case 'day-closed': {
      const open = weekdays.filter((d) => rules.windows[d].length > 0).map(days);
      return fr ? `jours d'appel : ${open.join(', ') || 'aucun'}` : `calling days: ${open.join(', ') || 'none'}`;
    }
    case 'holiday': {
      const h = rules.holidays;
      const region = h?.regionFromCallee ? (fr ? " et de la région de l'appelé" : " and the callee's region") : '';
      return fr
        ? `pas d'appel les jours fériés (${h?.types.join(', ')}) du calendrier ${h?.country}${region}`
        : `no calls on holidays (${h?.types.join(', ')}) of the ${h?.country} calendar${region}`;
    }
    case 'outside-window':
      return fr
        ? `appels le ${days(reason.weekday)} : ${windowsText(reason.windows)}, heure de l'appelé`
        : `calls on ${days(reason.weekday)}: ${windowsText(reason.windows)}, callee's time`;
    case 'attempt-limit':
      return fr
        ? `au plus ${reason.maxAttempts} appels ou tentatives par ${reason.windowDays} jours`
        : `at most ${reason.maxAttempts} calls or attempts per ${reason.windowDays} days`;
    case 'voicemail-needs-consent':
      return fr ? 'un message enregistré exige le consentement' : 'a recorded message needs consent';
    case 'rules-file-invalid':
      return fr ? 'le fichier de règles personnalisé doit être valide' : 'the custom rule file must be valid';
  }
}

/** What was seen, for this reason. */
export function seenWords(reason: CallReason, lang: Lang, zone: string): string {
  const fr = lang === 'fr';
  switch (reason.code) {
    case 'invalid-number':
    case 'on-internal-dnc':
    case 'national-dnc-missing':
    case 'voicemail-needs-consent':
      return reason.number;
    case 'no-consent':
      return fr ? `aucun consentement en vigueur pour ${reason.number}` : `no consent in force for ${reason.number}`;
    case 'consent-revoked':
      return fr ? `retiré le ${localWhen(reason.revokedAt, zone)}` : `withdrawn ${localWhen(reason.revokedAt, zone)}`;
    case 'refused':
      return fr ? `refus le ${localWhen(reason.refusedAt, zone)}` : `refused ${localWhen(reason.refusedAt, zone)}`;
    case 'on-national-dnc':
    case 'national-dnc-stale':
      return fr ? `copie du ${localWhen(reason.listAsOf, zone)}` : `copy of ${localWhen(reason.listAsOf, zone)}`;
    case 'weekend':
    case 'day-closed':
      return `${dayNames[lang][reason.weekday]} ${reason.localDate} (${reason.zone})`;
    case 'holiday':
      return `${reason.name[lang]}, ${reason.localDate} (${reason.zone})`;
    case 'outside-window':
      return `${dayNames[lang][reason.weekday]} ${reason.localTime} (${reason.zone})`;
    case 'attempt-limit':
      return fr ? `${reason.count} en ${reason.windowDays} jours` : `${reason.count} in ${reason.windowDays} days`;
    case 'rules-file-invalid':
      return `${reason.file}: ${reason.problem}`;
  }
}
