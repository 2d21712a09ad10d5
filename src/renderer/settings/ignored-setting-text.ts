import type { IgnoredSetting, Settings, SettingsField, SettingsPatch } from '../../shared/domain/settings';
import type { Translate } from '../dialer/translate';
import { fieldErrorKind } from './field-errors';
import { formFieldId, formFields, type FormField } from './form-model';

/** Each field's label on this page (the updates have no control here: their own words). */
export const settingLabelKeys: Record<SettingsField, string> = {
  locale: 'settings.fields.locale.label',
  defaultRegion: 'settings.fields.defaultRegion.label',
  'sip.server': 'settings.fields.server.label',
  'sip.uri': 'settings.fields.uri.label',
  'sip.authorizationUsername': 'settings.fields.authorizationUsername.label',
  'sip.displayName': 'settings.fields.displayName.label',
  'sip.outboundProxy': 'settings.fields.outboundProxy.label',
  'sip.dtmfMethod': 'settings.fields.dtmfMethod.label',
  'ice.servers': 'settings.fields.iceServers.label',
  'ice.gatheringTimeoutMs': 'settings.fields.gatheringTimeout.label',
  rules: 'settings.fields.rules.label',
  dealershipZone: 'settings.fields.dealershipZone.label',
  'phone.maxLines': 'settings.fields.maxLines.label',
  'phone.declineCode': 'settings.fields.declineCode.label',
  'audio.microphoneId': 'settings.fields.microphone.label',
  'audio.speakerId': 'settings.fields.speaker.label',
  'audio.ringerId': 'settings.fields.ringer.label',
  'dialer.previewSeconds': 'settings.fields.previewSeconds.label',
  'dialer.ringTimeoutSeconds': 'settings.fields.ringTimeoutSeconds.label',
  'dialer.wrapUpSeconds': 'settings.fields.wrapUpSeconds.label',
  'updates.enabled': 'settings.ignored.fields.updatesEnabled',
  'updates.url': 'settings.ignored.fields.updatesUrl',
  logLevel: 'settings.fields.logLevel.label',
};

/** The control that shows a field on this page; null for the fields only IT sets (updates). */
export function settingControlId(field: SettingsField): string | null {
  if ((formFields as readonly string[]).includes(field)) return formFieldId(field as FormField);
  if (field === 'locale') return 'settings-locale';
  if (field === 'logLevel') return 'settings-log-level';
  if (field.startsWith('audio.')) return `audio-${field.slice('audio.'.length)}`;
  return null;
}

/** The live value of one field of the settings. */
export function settingValue(values: Settings, field: SettingsField): unknown {
  const [head, leaf] = field.split('.') as [keyof Settings, string | undefined];
  const top = values[head];
  return leaf === undefined ? top : (top as Record<string, unknown>)[leaf];
}

/** A patch that saves one field (what "keep the value that applies" sends). */
export function fieldPatch(field: SettingsField, value: unknown): SettingsPatch {
  const [head, leaf] = field.split('.') as [string, string | undefined];
  return (leaf === undefined ? { [head]: value } : { [head]: { [leaf]: value } }) as SettingsPatch;
}

/** The value that applies, in the words of the control that shows it (a select's option, not its code). */
function appliedText(ignored: IgnoredSetting, values: Settings, t: Translate): string {
  const value = settingValue(values, ignored.field);
  switch (ignored.field) {
    case 'locale':
      return value === 'en' ? 'English' : 'Français';
    case 'rules':
    case 'logLevel':
    case 'sip.dtmfMethod':
    case 'phone.declineCode': {
      const group = {
        rules: 'rules',
        logLevel: 'logLevel',
        'sip.dtmfMethod': 'dtmfMethod',
        'phone.declineCode': 'declineCode',
      };
      return t(`settings.fields.${group[ignored.field]}.${String(value)}`);
    }
    case 'updates.enabled':
      return t(value === false ? 'settings.ignored.no' : 'settings.ignored.yes');
    case 'audio.microphoneId':
    case 'audio.speakerId':
    case 'audio.ringerId':
      return value === '' ? t('settings.fields.systemDefault') : ignored.applied;
    default:
      return ignored.applied === '' ? t('settings.ignored.none') : ignored.applied;
  }
}

/**
 * Why the saved value was refused: the sentence the form gives for the same refusal. A refusal
 * inside the value ("0.urls: …", one ICE server) has no such sentence: the general one is said.
 */
function reasonText(ignored: IgnoredSetting, t: Translate): string {
  const kind = fieldErrorKind(ignored.field, ignored.reason);
  return kind ? t(`fieldErrors.${kind.key}`, kind.values ?? {}) : t('settings.ignored.otherReason');
}

/**
 * « La valeur enregistrée « XX » a été ignorée. <why> La valeur par défaut (FR) s'applique. »:
 * what was saved, why it no longer counts, and what applies instead.
 */
export function ignoredSettingText(ignored: IgnoredSetting, values: Settings, t: Translate): string {
  const applies = t(
    ignored.instead === 'default' ? 'settings.ignored.appliesDefault' : 'settings.ignored.appliesProvisioned',
    { value: appliedText(ignored, values, t) },
  );
  const params = { stored: ignored.stored, reason: reasonText(ignored, t), applies };
  return t(ignored.stored === '' ? 'settings.ignored.messageEmpty' : 'settings.ignored.message', params);
}

/** The button that keeps what applies (and so drops the saved value). */
export const keepAppliedLabel = (ignored: IgnoredSetting, t: Translate): string =>
  t(ignored.instead === 'default' ? 'settings.ignored.keepDefault' : 'settings.ignored.keepProvisioned');
