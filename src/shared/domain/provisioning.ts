import { z } from 'zod';
import {
  AudioSettingsSchema,
  DialerSettingsSchema,
  IceSettingsSchema,
  PhoneSettingsSchema,
  SettingsSchema,
  SipAccountSchema,
  UpdateSettingsSchema,
  settingsFields,
} from './settings';

/**
 * The provisioning file IT ships (resources, machine-wide folder, or --provision). Every field
 * is optional; `locked` names fields (or whole sections: "sip", "ice", "dialer"…) the user cannot change.
 * Used to publish docs/provisioning.schema.json; the app itself checks field by field.
 */
export const ProvisioningFileSchema = z
  .object({
    $schema: z.string().optional(),
    locale: SettingsSchema.shape.locale.optional(),
    defaultRegion: SettingsSchema.shape.defaultRegion.optional(),
    sip: SipAccountSchema.extend({
      password: z.string().min(1).max(256).meta({ description: 'Stored only in the OS keychain, never in settings.' }),
    })
      .partial()
      .strict()
      .optional(),
    ice: IceSettingsSchema.partial().strict().optional(),
    rules: SettingsSchema.shape.rules.optional(),
    dealershipZone: SettingsSchema.shape.dealershipZone.optional(),
    phone: PhoneSettingsSchema.partial().strict().optional(),
    audio: AudioSettingsSchema.partial().strict().optional(),
    dialer: DialerSettingsSchema.partial().strict().optional(),
    updates: UpdateSettingsSchema.partial().strict().optional(),
    logLevel: SettingsSchema.shape.logLevel.optional(),
    locked: z
      .array(z.enum([...settingsFields, 'sip', 'ice', 'phone', 'audio', 'dialer', 'updates', 'sip.password']))
      .optional()
      .meta({ description: 'Fields (or sections) set by the administrator and read-only in the app.' }),
  })
  .strict()
  .meta({ title: 'Relance provisioning', description: 'Pre-sets and locks Relance settings on a workstation.' });
