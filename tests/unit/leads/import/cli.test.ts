import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../../src/cli/run';
import { leadsToCsv } from '../../../../src/core/leads/export/csv-export';
import { generateSampleLeads } from '../../../../src/core/leads/sample/generate-leads';
import { fixtures, snapshot } from './helpers';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function workDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'relance-cli-leads-'));
  return { dir, dataDir: path.join(dir, 'data') };
}

describe('relance leads import / export', () => {
  it('imports with a summary, then reports everything unchanged the second time', async () => {
    const { dir, dataDir } = await workDir();
    const file = path.join(dir, 'leads.csv');
    await copyFile(path.join(fixtures, 'fr-1252-semicolon.csv'), file);
    const first = await cli('leads', 'import', file, '--data-dir', dataDir);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/leads\.csv: 3 rows \(CSV, Windows-1252, separator ;\)/);
    expect(first.out).toMatch(/imported\s+3/);
    const second = await cli('leads', 'import', file, '--data-dir', dataDir, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({
      imported: 0,
      merged: 0,
      unchanged: 3,
      refused: false,
      rejected: [],
    });
  });

  it('redraws its progress on a terminal (the share of rows read, then writing) and clears it before the summary', async () => {
    const { dir, dataDir } = await workDir();
    const file = path.join(dir, 'leads.csv');
    const drafts = generateSampleLeads(2500, { seed: 9, now: new Date('2026-01-15T10:00:00Z') });
    await writeFile(file, leadsToCsv(drafts, { separator: ';' }));
    const lines: string[] = [];
    const code = await run(['leads', 'import', file, '--data-dir', dataDir, '--keep-valid'], {
      out: (l) => lines.push(`out ${l}`),
      err: (l) => lines.push(`err ${l}`),
      status: (text) => lines.push(`status ${text}`),
    });
    expect(code).toBe(0);
    const statuses = lines.filter((l) => l.startsWith('status'));
    expect(statuses[0]).toMatch(/^status reading rows: [1-9]\d%$/);
    expect(statuses.slice(-2)).toEqual(['status writing leads…', 'status ']);
    expect(lines.findIndex((l) => l.startsWith('out '))).toBe(statuses.length);
    // Off a terminal (no status), the same import prints no progress at all.
    const plain = await cli('leads', 'import', file, '--data-dir', dataDir, '--json');
    expect(plain.err).toBe('');
    expect(JSON.parse(plain.out)).toMatchObject({ unchanged: expect.any(Number) as number, imported: 0 });
  });

  it('exits 1 and writes nothing when a row is invalid, listing each reject as line N, column C: reason', async () => {
    const { dir, dataDir } = await workDir();
    await cli('leads', 'import', path.join(fixtures, 'tab-separated.tsv'), '--data-dir', dataDir);
    const before = await snapshot(dataDir);
    const file = path.join(dir, 'bad.csv');
    await copyFile(path.join(fixtures, 'rejects-every-reason.csv'), file);
    const r = await cli('leads', 'import', file, '--data-dir', dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("line 3, column Téléphone: phone '12 34' is not a valid number");
    expect(r.out).toContain('line 4: no phone and no e-mail: nothing to call');
    expect(r.out).toMatch(/Nothing was written/);
    const after = await snapshot(dataDir);
    // Opening the store may rotate nothing but the settings backup; lead shards must be identical.
    const shards = (s: Record<string, string>) =>
      Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith('leads')));
    expect(shards(after)).toEqual(shards(before));
    await expect(readFile(path.join(dir, 'bad.rejets.csv'))).rejects.toThrow();
  });

  it('--keep-valid imports the rest, exits 0 and writes the rejects beside the file; --json prints the report', async () => {
    const { dir, dataDir } = await workDir();
    const file = path.join(dir, 'bad.csv');
    await copyFile(path.join(fixtures, 'rejects-every-reason.csv'), file);
    const r = await cli('leads', 'import', file, '--keep-valid', '--json', '--data-dir', dataDir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ imported: 1, refused: false, rejectsFile: path.join(dir, 'bad.rejets.csv') });
    expect(report.rejected).toHaveLength(12);
    expect(report).not.toHaveProperty('rejectsCsvBase64');
    const rejects = await readFile(path.join(dir, 'bad.rejets.csv'), 'utf8');
    expect(rejects.startsWith('\uFEFFNom;Prénom;')).toBe(true);
    expect(rejects).toContain('Motif du rejet');
  });

  it('--dry-run writes nothing; --mapping reads a JSON object; bad arguments exit 2', async () => {
    const { dir, dataDir } = await workDir();
    const file = path.join(dir, 'x.csv');
    await writeFile(file, 'A;B\nDurand;0612345678\n');
    const mapping = path.join(dir, 'map.json');
    await writeFile(mapping, JSON.stringify({ A: 'lastName', B: 'phoneMobile' }));
    const dry = await cli('leads', 'import', file, '--mapping', mapping, '--dry-run', '--json', '--data-dir', dataDir);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, imported: 1 });
    const exp = await cli('leads', 'export', path.join(dir, 'out.csv'), '--data-dir', dataDir);
    expect(exp.out).toMatch(/^0 leads written/);
    expect((await cli('leads', 'import', file, '--format', 'xls', '--data-dir', dataDir)).code).toBe(2);
    await writeFile(mapping, '["A"]');
    expect((await cli('leads', 'import', file, '--mapping', mapping, '--data-dir', dataDir)).err).toMatch(
      /must be a JSON object/,
    );
    expect((await cli('leads', 'import', path.join(dir, 'missing.csv'), '--data-dir', dataDir)).code).toBe(2);
  });

  it('exports CSV or ADF with filters', async () => {
    const { dir, dataDir } = await workDir();
    await cli('leads', 'import', path.join(fixtures, 'tab-separated.tsv'), '--data-dir', dataDir);
    await cli('leads', 'import', path.join(fixtures, 'adf-two-prospects.xml'), '--data-dir', dataDir);
    const csvFile = path.join(dir, 'vendus.csv');
    const csv = await cli('leads', 'export', csvFile, '--stage', 'sold', '--data-dir', dataDir);
    expect(csv).toMatchObject({ code: 0, out: `1 leads written to ${csvFile} (CSV, separator ;)` });
    expect(await readFile(csvFile, 'utf8')).toContain('Théo');
    const xmlFile = path.join(dir, 'all.xml');
    expect((await cli('leads', 'export', xmlFile, '--data-dir', dataDir)).out).toMatch(
      /^4 leads written .* \(ADF\/XML\)$/,
    );
    expect(await readFile(xmlFile, 'utf8')).toContain('<model>Austral</model>');
    const q = await cli(
      'leads',
      'export',
      path.join(dir, 'q.csv'),
      '--query',
      'lefevre',
      '--separator',
      ',',
      '--data-dir',
      dataDir,
    );
    expect(q.out).toMatch(/^1 leads written/);
    expect(
      (await cli('leads', 'export', path.join(dir, 'z.csv'), '--stage', 'gagné', '--data-dir', dataDir)).code,
    ).toBe(2);
  });
});
