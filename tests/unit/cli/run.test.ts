import { describe, expect, it } from 'vitest';
import { run, usage } from '../../../src/cli/run';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('relance CLI', () => {
  it('prints the version and the help', async () => {
    const a = io();
    expect(await run(['--version'], a.io)).toBe(0);
    expect(a.out[0]).toMatch(/^\d+\.\d+\.\d+/);
    const b = io();
    expect(await run(['--help'], b.io)).toBe(0);
    expect(b.out[0]).toBe(usage);
    expect(usage).toMatch(/^ {2}web \[--data-dir DIR\] \[--port N\] \[--provision FILE\]/m);
    expect(usage).toMatch(/db check/);
  });

  it('refuses an unknown command or option with a clear message and status 2', async () => {
    const a = io();
    expect(await run(['frobnicate'], a.io)).toBe(2);
    expect(a.err[0]).toMatch(/unknown command "frobnicate"/);
    const b = io();
    expect(await run(['web', '--colour', 'red'], b.io)).toBe(2);
    expect(b.err[0]).toMatch(/--colour/);
    const c = io();
    expect(await run(['web', '--port', '99999'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--port must be a whole number/);
    const d = io();
    expect(await run(['web', '--provision', '/nonexistent/p.json'], d.io)).toBe(2);
    expect(d.err[0]).toMatch(/provisioning file not found: \/nonexistent\/p.json/);
  });
});
