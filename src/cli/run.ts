import { parseArgs } from 'node:util';
import { callsExport } from './commands/calls-export';
import { dbCheck } from './commands/db-check';
import { dncImport, dncStatus } from './commands/dnc';
import { diagnosticsExport } from './commands/diagnostics-export';
import { leadsSearch } from './commands/leads-search';
import { leadsExport } from './commands/leads-export';
import { leadsImport } from './commands/leads-import';
import { rulesCheck, rulesExplain, rulesExport } from './commands/rules';
import { web } from './commands/web';

declare const __RELANCE_VERSION__: string;
export const version = typeof __RELANCE_VERSION__ === 'string' ? __RELANCE_VERSION__ : '0.0.0-dev';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** A status line a terminal redraws in place (a long import's progress); '' clears it. Absent off a terminal. */
  status?(text: string): void;
}

export const usage = `Usage: relance <command> [options]

Commands:
  web [--data-dir DIR] [--port N] [--provision FILE] [--demo]
                     Serve Relance on http://127.0.0.1 (loopback only) and print its URL. --demo: sample
                     leads first, when the folder has no leads and no SIP account is set.
  db check [--data-dir DIR] [--json]
                     Verify every data file and the call journal; exit 1 on damage. Changes nothing.
  diagnostics export FILE [--data-dir DIR] [--provision FILE]…
                     Write a diagnostics zip (versions, settings without secrets, data check, last 50
                     calls without notes, redacted logs) for IT. Reads only; safe while Relance runs.
  leads search QUERY [--json] [--limit N] [--data-dir DIR]
                     Search leads as the list's search box does (name, phone digits, email, VIN,
                     stock number, city); a table, or { total, items } as JSON.
  leads import FILE [--format csv|adf] [--mapping FILE] [--keep-valid] [--dry-run] [--json] [--data-dir DIR]
                     Import leads from a CSV or ADF/XML file; duplicates are merged. Any invalid row: nothing
                     is written and the exit status is 1, unless --keep-valid (rejects go to FILE.rejets.csv).
  leads export FILE [--format csv|adf] [--separator ';'|','] [--stage S]… [--owner O]… [--source S]…
                    [--tag T]… [--query TEXT] [--data-dir DIR]
                     Export all leads, or those matching every given filter, as CSV or ADF/XML.
  calls export FILE [--from DATE] [--to DATE] [--format csv|json] [--data-dir DIR]
                     Export the call log (dispositions, notes, quality) as CSV for Excel or JSON. DATE is
                     a day (2026-05-31, --to includes it) or an ISO-8601 time; days are read in Europe/Paris.
  rules explain --number NUMBER --at ISO-8601-TIME [--rules FR|US|custom|FILE] [--lead ID | --consent given|contract|none]
                [--attempts-30d N] [--data-dir DIR] [--json] [--lang fr|en]
                     Would this call be allowed, and every reason why not (rule, value seen, next legal time),
                     with the callee's time zone and where it came from. Exit 0 allowed, 3 forbidden, 2 bad input.
  rules export FR|US|custom FILE [--data-dir DIR]
                     Write a rule set as a JSON file to read or adapt (schema: docs/calling-rules.schema.json).
  rules check FILE [--json]
                     Check a rule set file; every problem by field path. Exit 0 valid, 2 not.
  dnc import FILE --list US|FR --as-of DAY [--keep-valid] [--json] [--data-dir DIR]
                     Replace the copy of a national do-not-call list (US registry area-code files, Bloctel's
                     answer file): one number per line. Any other line: nothing written, exit 1, unless
                     --keep-valid. The US preset calls no US number without a copy at most 31 days old.
  dnc status [--json] [--data-dir DIR]
                     The national list copies in the data folder: numbers, as-of day, source.

Options:
  --version          Print the version.
  --help             Print this help.

The data folder is RELANCE_DATA_DIR if set, else --data-dir, else the OS user-data folder.`;

/** `relance leads <sub>`: one entry per subcommand (import and export join here). */
const leadsCommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  async search(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) {
      io.err('relance leads search: give one QUERY (quote it if it has spaces)');
      return 2;
    }
    return leadsSearch(
      { dataDir: values['data-dir'], query: positionals[0]!, json: values.json ?? false, limit: values.limit, version },
      io,
    );
  },
};

/** `relance rules explain|export|check` (docs/calling-rules.md). */
async function rulesCommand([sub, ...args]: string[], io: CliIo): Promise<number> {
  if (sub === 'explain') {
    const { values, positionals } = parseArgs({
      args,
      options: {
        number: { type: 'string' },
        at: { type: 'string' },
        rules: { type: 'string' },
        lead: { type: 'string' },
        consent: { type: 'string' },
        'attempts-30d': { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new Error(`rules explain takes options only, got "${positionals.join(' ')}"`);
    return rulesExplain(
      {
        number: values.number,
        at: values.at,
        rules: values.rules,
        lead: values.lead,
        consent: values.consent,
        attempts30d: values['attempts-30d'],
        dataDir: values['data-dir'],
        json: values.json ?? false,
        lang: values.lang,
      },
      io,
    );
  }
  if (sub === 'export') {
    const { values, positionals } = parseArgs({
      args,
      options: { 'data-dir': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 2) throw new Error('rules export takes a set (FR, US or custom) and a FILE');
    return rulesExport({ set: positionals[0]!, file: positionals[1]!, dataDir: values['data-dir'] }, io);
  }
  if (sub === 'check') {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new Error('rules check takes exactly one FILE');
    return rulesCheck({ file: positionals[0]!, json: values.json ?? false }, io);
  }
  throw new Error(`rules takes explain, export or check, got "${sub ?? ''}"`);
}

/** Runs one CLI invocation; returns the exit status (the web host resolves only when stopped). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(usage);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(version);
    return 0;
  }
  try {
    if (command === 'web') {
      const { values } = parseArgs({
        args: rest,
        options: {
          'data-dir': { type: 'string' },
          port: { type: 'string' },
          provision: { type: 'string' },
          demo: { type: 'boolean' },
        },
        strict: true,
      });
      return await web(
        {
          dataDir: values['data-dir'],
          port: values.port,
          provision: values.provision,
          demo: values.demo ?? false,
          version,
        },
        io,
      );
    }
    if (command === 'db' && rest[0] === 'check') {
      const { values } = parseArgs({
        args: rest.slice(1),
        options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
      });
      return await dbCheck({ dataDir: values['data-dir'], json: values.json ?? false }, io);
    }
    if (command === 'diagnostics' && rest[0] === 'export') {
      const { values, positionals } = parseArgs({
        args: rest.slice(1),
        options: { 'data-dir': { type: 'string' }, provision: { type: 'string', multiple: true } },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1) throw new Error('diagnostics export takes exactly one FILE');
      return await diagnosticsExport(
        { file: positionals[0]!, dataDir: values['data-dir'], provision: values.provision ?? [], version },
        io,
      );
    }
    if (command === 'leads' && rest[0] !== undefined && Object.hasOwn(leadsCommands, rest[0])) {
      return await leadsCommands[rest[0]]!(rest.slice(1), io);
    }
    if (command === 'leads' && rest[0] === 'import') {
      const { values, positionals } = parseArgs({
        args: rest.slice(1),
        options: {
          format: { type: 'string' },
          mapping: { type: 'string' },
          'keep-valid': { type: 'boolean' },
          'dry-run': { type: 'boolean' },
          json: { type: 'boolean' },
          'data-dir': { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1) throw new Error('leads import takes exactly one FILE');
      return await leadsImport(
        {
          file: positionals[0]!,
          format: values.format,
          mapping: values.mapping,
          keepValid: values['keep-valid'] ?? false,
          dryRun: values['dry-run'] ?? false,
          json: values.json ?? false,
          dataDir: values['data-dir'],
          version,
        },
        io,
      );
    }
    if (command === 'leads' && rest[0] === 'export') {
      const { values, positionals } = parseArgs({
        args: rest.slice(1),
        options: {
          format: { type: 'string' },
          separator: { type: 'string' },
          stage: { type: 'string', multiple: true },
          owner: { type: 'string', multiple: true },
          source: { type: 'string', multiple: true },
          tag: { type: 'string', multiple: true },
          query: { type: 'string' },
          'data-dir': { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1) throw new Error('leads export takes exactly one FILE');
      return await leadsExport(
        {
          file: positionals[0]!,
          format: values.format,
          separator: values.separator,
          stage: values.stage ?? [],
          owner: values.owner ?? [],
          source: values.source ?? [],
          tag: values.tag ?? [],
          query: values.query,
          dataDir: values['data-dir'],
          version,
        },
        io,
      );
    }
    if (command === 'dnc' && rest[0] === 'import') {
      const { values, positionals } = parseArgs({
        args: rest.slice(1),
        options: {
          list: { type: 'string' },
          'as-of': { type: 'string' },
          'keep-valid': { type: 'boolean' },
          json: { type: 'boolean' },
          'data-dir': { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1) throw new Error('dnc import takes exactly one FILE');
      return await dncImport(
        {
          file: positionals[0]!,
          list: values.list,
          asOf: values['as-of'],
          keepValid: values['keep-valid'] ?? false,
          json: values.json ?? false,
          dataDir: values['data-dir'],
        },
        io,
      );
    }
    if (command === 'dnc' && rest[0] === 'status') {
      const { values } = parseArgs({
        args: rest.slice(1),
        options: { json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
        strict: true,
      });
      return await dncStatus({ json: values.json ?? false, dataDir: values['data-dir'] }, io);
    }
    if (command === 'calls' && rest[0] === 'export') {
      const { values, positionals } = parseArgs({
        args: rest.slice(1),
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          format: { type: 'string' },
          'data-dir': { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length !== 1) throw new Error('calls export takes exactly one FILE');
      return await callsExport(
        { file: positionals[0]!, from: values.from, to: values.to, format: values.format, dataDir: values['data-dir'] },
        io,
      );
    }
    if (command === 'rules') return await rulesCommand(rest, io);
  } catch (error) {
    // parseArgs names the bad option; that is the whole message a user needs.
    io.err(`relance: ${(error as Error).message}`);
    return 2;
  }
  io.err(`relance: unknown command "${argv.join(' ')}"\n\n${usage}`);
  return 2;
}
