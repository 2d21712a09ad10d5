import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';
import { decodeSipGrammarOnce, SIP_GRAMMAR_FILE, sipGrammarOnce } from '../../../scripts/sip-grammar-once';
import {
  loadSipGrammars,
  sipGrammarCode,
  sipGrammarFile,
  sipHeaderSamples,
  type GrammarParse,
} from '../../rig/sip-grammar';

function outcome(parse: GrammarParse, rule: string, input: string): { value: unknown } | { error: string } {
  try {
    return { value: parse(input, { startRule: rule }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('sip.js grammar decoded once', () => {
  it('parses every sample exactly as the stock grammar does, failures included', async () => {
    const { stock, once } = await loadSipGrammars();
    let failures = 0;
    for (const [rule, input] of sipHeaderSamples) {
      const expected = outcome(stock, rule, input);
      if ('error' in expected) failures++;
      expect(outcome(once, rule, input), `${rule}: ${input}`).toEqual(expected);
    }
    expect(failures).toBe(2);
  });

  it('leaves no decoding inside the parse function', () => {
    const stockCode = sipGrammarCode();
    const code = decodeSipGrammarOnce(stockCode);
    const inParse = (c: string) => c.slice(c.indexOf('function peg$parse('));
    expect(inParse(stockCode).match(/peg\$decode\("/g)?.length).toBeGreaterThan(100);
    expect(inParse(code)).not.toMatch(/peg\$decode(Once)?\("/);
    expect(code.indexOf('const peg$bytecodeOnce')).toBeLessThan(code.indexOf('function peg$parse('));
  });

  it('stops the build when a sip.js upgrade changed the grammar’s shape', () => {
    const stockCode = sipGrammarCode();
    expect(() => decodeSipGrammarOnce('export const parse = () => null;')).toThrow(/sip\.js upgraded/);
    const moved = stockCode.replace('const peg$bytecode = [', 'let peg$bytecode = [');
    expect(() => decodeSipGrammarOnce(moved)).toThrow(/sip\.js upgraded/);
  });

  it('is in the renderer build, and touches only sip.js’s grammar', () => {
    const stockCode = sipGrammarCode();
    const renderer = (config as { renderer?: { plugins?: { name: string }[] } }).renderer;
    expect(renderer?.plugins?.map((p) => p.name)).toContain('relance:sip-grammar-once');
    const transform = sipGrammarOnce().transform as (code: string, id: string) => { code: string } | null;
    expect(transform('const x = 1;', '/app/src/renderer/main.tsx')).toBeNull();
    expect(SIP_GRAMMAR_FILE.test('C:\\app\\node_modules\\sip.js\\lib\\grammar\\pegjs\\dist\\grammar.js')).toBe(true);
    expect(transform(stockCode, sipGrammarFile)?.code).toContain('peg$bytecodeOnce');
  });
});
