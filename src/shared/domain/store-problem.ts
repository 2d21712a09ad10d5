import { z } from 'zod';

/** Something the store found wrong with a file and what it did about it; always shown to the user. */
export const StoreProblemSchema = z.object({
  file: z.string(),
  kind: z.enum([
    'invalid-json',
    'empty',
    'nul-filled',
    'truncated',
    'schema-invalid',
    'newer-schema',
    'journal-torn-tail',
    'journal-bad-line',
  ]),
  detail: z.string(),
  movedTo: z.string().optional(),
  restoredFrom: z.string().optional(),
  at: z.string(),
});
export type StoreProblem = z.infer<typeof StoreProblemSchema>;
