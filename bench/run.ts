// `npm run bench`: durable store vs naive lowdb. Prints a table and writes bench/results.json.
// Sizes: BENCH_LEADS (default 100000), BENCH_CALLS (default 1000000).
// To add a section (e.g. web-host cold start), implement BenchSection and add it to `sections`;
// ctx.dataDir is a ready data dir built by prepareBenchDataDir.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { callingRulesSection } from './calling-rules';
import { dialerSection } from './dialer';
import { dialerWireSection } from './dialer-wire';
import { prepareBenchDataDir } from './fixtures';
import { phoneSection } from './phone';
import { sipGrammarSection } from './sip-grammar';
import { formatTable, type BenchContext, type BenchRow, type BenchSection } from './harness';
import { leadsImportSection } from './leads-import-section';
import { leadsMemorySection } from './leads-memory-section';
import { coldOpenSection, journalSection, leadsSection, shardsSection } from './store-sections';
import { leadsSearchSection } from './leads-search-section';
import { webHostSection } from './web-host-section';

const sections: BenchSection[] = [
  journalSection,
  leadsSection,
  coldOpenSection,
  webHostSection,
  shardsSection,
  leadsImportSection,
  leadsSearchSection,
  leadsMemorySection,
  callingRulesSection,
  sipGrammarSection,
  phoneSection,
  dialerSection,
  dialerWireSection,
];

const leads = Number(process.env.BENCH_LEADS ?? 100_000);
const calls = Number(process.env.BENCH_CALLS ?? 1_000_000);
const only = process.env.BENCH_ONLY?.split(',');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'relance-bench-'));
const ctx: BenchContext = {
  workDir,
  leads,
  calls,
  dataDir: path.join(workDir, 'data'),
  naiveFile: path.join(workDir, 'naive.json'),
};

try {
  const t = performance.now();
  await prepareBenchDataDir(ctx.dataDir, { leads, calls });
  const rows: BenchRow[] = [
    {
      section: 'setup',
      name: `build data dir (${leads} leads, ${calls} calls) via store API`,
      value: performance.now() - t,
      unit: 'ms',
    },
  ];
  for (const s of sections) {
    if (only && !only.includes(s.name)) continue;
    process.stderr.write(`bench: ${s.name}…\n`);
    rows.push(...(await s.run(ctx)));
  }
  const table = formatTable(rows);
  console.log(table);
  writeFileSync(
    path.join(import.meta.dirname, 'results.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        platform: `${process.platform}-${process.arch}`,
        leads,
        calls,
        rows,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
