/**
 * Where the import screen puts focus after each step, so a keyboard or screen-reader user lands on
 * what just appeared instead of on the page body (the pressed button was disabled or went away).
 */
export type ImportStep =
  { kind: 'arrived' } | { kind: 'picked'; ok: boolean } | { kind: 'ran'; ok: boolean } | { kind: 'restarted' };

/** Element ids on the import screen that take focus (headings and the error have tabIndex=-1). */
export const importFocusIds = {
  file: 'import-file',
  detected: 'import-detected',
  report: 'import-report',
  error: 'import-error',
} as const;

export type ImportFocus = keyof typeof importFocusIds;

export function focusAfter(step: ImportStep): ImportFocus {
  switch (step.kind) {
    case 'arrived':
    case 'restarted':
      return 'file';
    // A refused file: back on the field, which the error now describes.
    case 'picked':
      return step.ok ? 'detected' : 'file';
    case 'ran':
      return step.ok ? 'report' : 'error';
  }
}

/**
 * The refused report's advice (i18n key under leads.import.report): "tick the box" only while it
 * is not ticked; once it is, say what the next run will do.
 */
export const refusedAdvice = (keepValid: boolean): 'refused' | 'refusedKeepValid' =>
  keepValid ? 'refusedKeepValid' : 'refused';
