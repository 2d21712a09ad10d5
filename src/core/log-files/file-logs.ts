import path from 'node:path';
import { formatLogLine, isLevelEnabled, type LogLevel, type Logger } from '../log';
import { RotatingFile, rotatedName } from './rotating-file';

/** The three log files: the main process (core included), the page, and SIP signalling. */
export const logStreams = ['main', 'renderer', 'sip'] as const;
export type LogStream = (typeof logStreams)[number];

export const LOGS_DIR = 'logs';
export const logsDir = (dataDir: string): string => path.join(dataDir, LOGS_DIR);

/** Current and rotated files of a stream, newest first. */
export const logFilesOf = (dir: string, stream: LogStream, keep: number): string[] => {
  const current = path.join(dir, `${stream}.log`);
  return [current, ...Array.from({ length: keep }, (_, i) => rotatedName(current, i + 1))];
};

/** Defaults: 3 streams × 5 files × 2 MiB = 30 MiB at most in the data folder. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_KEEP = 4;
/** A single line longer than this is cut: one runaway message must not fill a file. */
export const MAX_LINE_CHARS = 32 * 1024;

export interface FileLogsOptions {
  dataDir: string;
  level?: LogLevel;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
  onError?: (stream: LogStream, error: unknown) => void;
}

export interface FileLogs {
  readonly dir: string;
  readonly keep: number;
  readonly main: Required<Logger>;
  readonly renderer: Required<Logger>;
  readonly sip: Required<Logger>;
  level(): LogLevel;
  /** Follows the `logLevel` setting: applies to the next line written. */
  setLevel(level: LogLevel): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Rotating JSON-lines logs in `<dataDir>/logs`, every line redacted (see redact.ts). */
export function openFileLogs(options: FileLogsOptions): FileLogs {
  const dir = logsDir(options.dataDir);
  const keep = options.keep ?? DEFAULT_KEEP;
  const now = options.now ?? (() => new Date());
  let threshold: LogLevel = options.level ?? 'info';

  const files = Object.fromEntries(
    logStreams.map((stream) => [
      stream,
      new RotatingFile({
        file: path.join(dir, `${stream}.log`),
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        keep,
        onError: (error) => options.onError?.(stream, error),
      }),
    ]),
  ) as Record<LogStream, RotatingFile>;

  const loggerFor = (stream: LogStream): Required<Logger> => {
    const emit = (level: LogLevel, message: string, meta?: Record<string, unknown>) => {
      if (!isLevelEnabled(threshold, level)) return;
      const text =
        message.length > MAX_LINE_CHARS
          ? `${message.slice(0, MAX_LINE_CHARS)}… [${message.length - MAX_LINE_CHARS} characters cut]`
          : message;
      let line = formatLogLine(level, text, meta, now());
      if (line.length > MAX_LINE_CHARS * 2) {
        line = formatLogLine(level, text, { meta: `[${line.length} characters of metadata cut]` }, now());
      }
      files[stream].append(line);
    };
    return {
      error: (m, meta) => emit('error', m, meta),
      warn: (m, meta) => emit('warn', m, meta),
      info: (m, meta) => emit('info', m, meta),
      debug: (m, meta) => emit('debug', m, meta),
    };
  };

  const all = () => Object.values(files);
  return {
    dir,
    keep,
    main: loggerFor('main'),
    renderer: loggerFor('renderer'),
    sip: loggerFor('sip'),
    level: () => threshold,
    setLevel(level) {
      threshold = level;
    },
    async flush() {
      await Promise.all(all().map((file) => file.flush()));
    },
    async close() {
      await Promise.all(all().map((file) => file.close()));
    },
  };
}
