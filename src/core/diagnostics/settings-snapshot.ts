import type { SettingsView } from '../../shared/domain/settings';
import { redact } from '../log';

/**
 * The settings as the seller sees them, without anything secret: TURN credentials and any
 * secret-looking text are redacted; the SIP password never was in the view (only whether it is set).
 */
export function settingsWithoutSecrets(view: SettingsView): Record<string, unknown> {
  const { sipPassword, ...rest } = view;
  return { ...redact(rest as unknown as Record<string, unknown>), sipPassword };
}
