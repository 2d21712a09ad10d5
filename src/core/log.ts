/** Minimal structured logger; the Electron shell and the web host decide where lines go. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const secretKey = /pass(word)?|secret|token|authorization|credential/i;

/** Replaces values whose key names a secret; logs never carry one. */
export function redact(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!meta) return meta;
  return Object.fromEntries(
    Object.entries(meta).map(([key, value]) => [
      key,
      secretKey.test(key)
        ? '[redacted]'
        : value && typeof value === 'object' && !Array.isArray(value)
          ? redact(value as Record<string, unknown>)
          : value,
    ]),
  );
}

export function consoleLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const emit = (level: string, message: string, meta?: Record<string, unknown>) =>
    write(JSON.stringify({ at: new Date().toISOString(), level, message, ...redact(meta) }));
  return {
    info: (m, meta) => emit('info', m, meta),
    warn: (m, meta) => emit('warn', m, meta),
    error: (m, meta) => emit('error', m, meta),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
