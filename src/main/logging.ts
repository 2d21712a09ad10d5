import type { WebContents } from 'electron';
import type { LogLevel, Logger } from '../core/log';

const levels: Record<string, LogLevel> = { info: 'info', warning: 'warn', error: 'error', debug: 'debug' };

/**
 * The page's console goes to renderer.log (redacted like every line): uncaught errors and
 * warnings reach IT's diagnostics even when the page cannot send them itself.
 */
export function captureConsole(contents: WebContents, renderer: Required<Logger>): void {
  contents.on('console-message', (details) => {
    const level = levels[details.level] ?? 'info';
    renderer[level](details.message, { source: `${details.sourceId}:${details.lineNumber}` });
  });
}
