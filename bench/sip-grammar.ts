// sip.js's header parser as the renderer build ships it (its bytecode table decoded once, see
// scripts/sip-grammar-once.ts) against sip.js as published, in this process, on real headers.
import { performance } from 'node:perf_hooks';
import { loadSipGrammars, sipHeaderSamples } from '../tests/rig/sip-grammar';
import { median, type BenchRow, type BenchSection } from './harness';

const ROUNDS = 9;
const PER_ROUND = 300;

export const sipGrammarSection: BenchSection = {
  name: 'sip grammar',
  async run() {
    const { stock, once } = await loadSipGrammars();
    const perHeader = (parse: typeof stock) => {
      const t = performance.now();
      for (let i = 0; i < PER_ROUND; i++) {
        for (const [rule, input] of sipHeaderSamples) {
          try {
            parse(input, { startRule: rule });
          } catch {
            // the two samples that must fail cost their parse too
          }
        }
      }
      return ((performance.now() - t) * 100) / (PER_ROUND * sipHeaderSamples.length); // ms per 100 headers
    };
    const stockMs: number[] = [];
    const onceMs: number[] = [];
    perHeader(stock); // warm both before measuring
    perHeader(once);
    for (let r = 0; r < ROUNDS; r++) {
      stockMs.push(perHeader(stock));
      onceMs.push(perHeader(once));
    }
    return [
      {
        section: 'sip grammar',
        name: `100 SIP headers parsed in the page's sip.js (${sipHeaderSamples.length} real ones in turn), median of ${ROUNDS} rounds (naive: sip.js as published)`,
        value: median(onceMs),
        unit: 'ms',
        baseline: median(stockMs),
      },
    ] satisfies BenchRow[];
  },
};
