import type { z } from 'zod';
import type { LogLevelSchema } from '../shared/domain/settings';
import { REDACTED, redactText } from './log-files/redact';

export type LogLevel = z.infer<typeof LogLevelSchema>;

/** Minimal structured logger; the Electron shell and the web host decide where lines go. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
  /** Only written when the log level setting is `debug` (SIP signalling, timings). */
  debug?(message: string, meta?: Record<string, unknown>): void;
}

/** Most severe first: a level lets through itself and everything before it. */
export const logLevels = ['error', 'warn', 'info', 'debug'] as const satisfies readonly LogLevel[];
export const isLevelEnabled = (threshold: LogLevel, level: LogLevel): boolean =>
  logLevels.indexOf(level) <= logLevels.indexOf(threshold);

const secretKey = /pass(word|wd)?|secret|token|authorization|credential|cookie/i;

/** Replaces values whose key names a secret, and secrets inside text (SIP headers, URLs); logs never carry one. */
export function redact(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!meta) return meta;
  return Object.fromEntries(Object.entries(meta).map(([key, value]) => [key, redactValue(key, value, 0)]));
}

function redactValue(key: string, value: unknown, depth: number): unknown {
  if (secretKey.test(key)) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  // Deep structures are cut rather than walked forever (a log line is not a data dump).
  if (depth > 6) return '[nested]';
  if (Array.isArray(value)) return value.map((item) => redactValue('', item, depth + 1));
  if (value instanceof Error) return redactText(value.message);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(k, v, depth + 1)]));
  }
  return value;
}

/** One JSON line: time, level, redacted message and metadata. */
export function formatLogLine(
  level: LogLevel,
  message: string,
  meta?: Record<string, unknown>,
  at = new Date(),
): string {
  return JSON.stringify({ at: at.toISOString(), level, message: redactText(message), ...redact(meta) });
}

export function consoleLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const emit = (level: LogLevel, message: string, meta?: Record<string, unknown>) =>
    write(formatLogLine(level, message, meta));
  return {
    info: (m, meta) => emit('info', m, meta),
    warn: (m, meta) => emit('warn', m, meta),
    error: (m, meta) => emit('error', m, meta),
  };
}

/** Sends every line to each logger (console and file, for instance). */
export function teeLogger(...loggers: Logger[]): Logger {
  return {
    info: (m, meta) => loggers.forEach((l) => l.info(m, meta)),
    warn: (m, meta) => loggers.forEach((l) => l.warn(m, meta)),
    error: (m, meta) => loggers.forEach((l) => l.error(m, meta)),
    debug: (m, meta) => loggers.forEach((l) => l.debug?.(m, meta)),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
