// Runs @doyensec/electronegativity over src/ offline and fails on any finding that is not
// reviewed in electronegativity-accepted.json (each with its reason), or on an accepted entry
// that matches nothing any more. `npm run lint:security`.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** Electronegativity fetches translations and Electron's release list over the network: answer "offline" at once. */
function keepOffline() {
  const gotPath = require.resolve('got', {
    paths: [path.dirname(require.resolve('@doyensec/electronegativity/package.json'))],
  });
  const offline = () => Promise.reject(new Error('offline'));
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(offline, { default: offline }),
  };
}

const electronVersion = async () =>
  JSON.parse(await readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

export async function securityLint({ input = path.join(root, 'src') } = {}) {
  const policy = JSON.parse(await readFile(new URL('./electronegativity-accepted.json', import.meta.url), 'utf8'));
  keepOffline();
  const runner = require('@doyensec/electronegativity/dist/runner.js');
  const run = runner.default ?? runner;
  const result = await run({
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: policy.excludedChecks.map((c) => c.check),
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: false,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: await electronVersion(),
    parserPlugins: [],
  });
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    file: issue.file === 'N/A' ? 'N/A' : path.relative(root, issue.file).split(path.sep).join('/'),
    line: issue.location.line,
    sample: issue.sample ?? '',
  }));
  const used = new Set();
  const unjustified = findings.filter((finding) => {
    const entry = policy.accepted.find(
      (a) => a.check === finding.check && a.file === finding.file && finding.sample.includes(a.sample),
    );
    if (entry) used.add(entry);
    return !entry;
  });
  const stale = policy.accepted.filter((entry) => !used.has(entry));
  const unreadable = result.errors.filter((error) => !error.tolerable);
  return { findings, unjustified, stale, unreadable, checks: result.atomicChecks + result.globalChecks };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await securityLint();
  console.log(
    `electronegativity: ${report.checks} checks, ${report.findings.length} findings, all reviewed unless listed below`,
  );
  for (const f of report.unjustified) console.error(`  UNREVIEWED ${f.check} ${f.file}:${f.line}  ${f.sample.trim()}`);
  for (const s of report.stale) console.error(`  STALE accepted entry (matches nothing): ${s.check} ${s.file}`);
  for (const e of report.unreadable) console.error(`  NOT ANALYSED ${e.file}: ${e.message}`);
  if (report.unjustified.length || report.stale.length || report.unreadable.length) process.exit(1);
}
