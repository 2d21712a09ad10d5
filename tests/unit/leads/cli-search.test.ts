import { describe, expect, it } from 'vitest';
import { run, usage } from '../../../src/cli/run';
import { draft, harness } from './helpers';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('relance leads search', () => {
  it('prints { total, items } as JSON, honouring --limit, and a table otherwise', async () => {
    const h = await harness();
    await h.service.importDrafts(
      [
        { draft: draft({ first: 'Élodie', last: 'Lefèvre', tel: ['06 12 34 56 78'] }), line: 2 },
        { draft: draft({ first: 'Éric', last: 'Lefèvre', tel: ['06 98 76 54 32'] }), line: 3 },
        { draft: draft({ first: 'Paul', last: 'Roy', tel: ['04 78 00 00 00'] }), line: 4 },
      ],
      { dryRun: false, fileName: 't.csv', via: 'import' },
    );
    await h.store.close();

    const a = io();
    expect(await run(['leads', 'search', 'lefevre', '--json', '--limit', '1', '--data-dir', h.dir], a.io)).toBe(0);
    const json = JSON.parse(a.out.join('\n')) as { total: number; items: { name: string; phone: string }[] };
    expect(json.total).toBe(2);
    expect(json.items).toMatchObject([{ name: 'Élodie Lefèvre', phone: '+33612345678' }]);

    const b = io();
    expect(await run(['leads', 'search', '06 12', '--data-dir', h.dir], b.io)).toBe(0);
    expect(b.out[0]).toMatch(/^Name\s+Phone\s+City\s+Stage\s+Next callback\n.*Élodie Lefèvre\s+06 12 34 56 78\s+new/);
    expect(b.out[0]).toMatch(/1 lead$/);
  });

  it('is in the usage and refuses a bad --limit or a missing query', async () => {
    expect(usage).toMatch(/leads search QUERY \[--json\] \[--limit N\] \[--data-dir DIR\]/);
    const h = await harness();
    await h.store.close();
    const a = io();
    expect(await run(['leads', 'search', 'x', '--limit', '0', '--data-dir', h.dir], a.io)).toBe(2);
    expect(a.err[0]).toMatch(/--limit/);
    const b = io();
    expect(await run(['leads', 'search', '--data-dir', h.dir], b.io)).toBe(2);
    expect(b.err[0]).toMatch(/QUERY/);
  });
});
