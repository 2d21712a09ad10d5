import type { SettingsField } from '../../../src/shared/domain/settings';

/** One value per field that its current check refuses: every field can be left out and reported. */
export const refusedValues: Record<SettingsField, unknown> = {
  locale: 'de',
  defaultRegion: 'XX',
  'sip.server': 'http://pbx.example',
  'sip.uri': 'alice',
  'sip.authorizationUsername': 'a'.repeat(129),
  'sip.displayName': 42,
  'sip.outboundProxy': 'proxy.example',
  'sip.dtmfMethod': 'inband',
  'ice.servers': [{ urls: '' }],
  'ice.gatheringTimeoutMs': 20,
  rules: 'DE',
  dealershipZone: 'Mars/Olympus',
  'phone.maxLines': 9,
  'phone.declineCode': 404,
  'audio.microphoneId': 'm'.repeat(300),
  'audio.speakerId': null,
  'audio.ringerId': ['x'],
  'dialer.previewSeconds': -1,
  'dialer.ringTimeoutSeconds': 200,
  'dialer.wrapUpSeconds': 1.5,
  'updates.enabled': 'yes',
  'updates.url': 'ftp://updates.example',
  logLevel: 'trace',
};
