import { z } from 'zod';

/** Why this copy of Relance does not update itself (src/main/update-gate.ts decides). */
export const UpdateOffReasonSchema = z.enum(['not-packaged', 'test', 'disabled', 'no-feed', 'per-machine']);
export const InstallKindSchema = z.enum(['nsis', 'msi', 'appimage', 'linux-package', 'mac-app', 'unpackaged']);

export const UpdateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off'), reason: UpdateOffReasonSchema, install: InstallKindSchema }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('up-to-date'), checkedAt: z.string() }),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  /** Downloaded: installs when Relance closes. */
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string(), at: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;
