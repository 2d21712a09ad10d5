// sip.js parses SIP headers with a PEG.js parser generated for size: its bytecode table (236
// rules, written as strings) sits inside `peg$parse`, so every header parsed (several per SIP
// message) decodes every rule again. Measured in Node: 300 µs per header, 90 µs once the table is
// decoded once per page; in the dialer bench the page spent 7 s of its 45 s of CPU there. This
// build step moves the table to module scope. The table is read-only: `peg$parseRule` only reads it.
import type { Plugin } from 'vite';

/** The generated grammar inside the sip.js package. */
export const SIP_GRAMMAR_FILE = /[\\/]sip\.js[\\/]lib[\\/]grammar[\\/]pegjs[\\/]dist[\\/]grammar\.js$/;

const PARSE = 'function peg$parse(input, options) {';
const TABLE_START = '    const peg$bytecode = [\n';
const TABLE_END = '\n    ];\n';
/** sip.js's own decoder, checked unchanged and reused at module scope. */
const DECODE = 's.split("").map((ch) => ch.charCodeAt(0) - 32)';

/**
 * The grammar's code with the bytecode table decoded once, at module load. Throws when the code
 * no longer has the shape this expects (a sip.js upgrade): the build stops rather than quietly
 * shipping the slow parser or a broken one.
 */
export function decodeSipGrammarOnce(code: string): string {
  const parse = code.indexOf(PARSE);
  const start = code.indexOf(TABLE_START, parse);
  const end = start < 0 ? -1 : code.indexOf(TABLE_END, start);
  const decoder = `function peg$decode(s) {\n        return ${DECODE};\n    }`;
  if (parse < 0 || start < 0 || end < 0 || !code.includes(decoder) || code.indexOf(PARSE, parse + 1) >= 0) {
    throw new Error('sip.js grammar: the bytecode table is not where this build step expects it (sip.js upgraded?)');
  }
  const table = code.slice(start + TABLE_START.length, end);
  if (/peg\$(?!decode\()/.test(table)) {
    throw new Error('sip.js grammar: the bytecode table refers to the parser state; it cannot leave peg$parse');
  }
  const moduleTable =
    '// Decoded once per page (build step: scripts/sip-grammar-once.ts).\n' +
    `function peg$decodeOnce(s) {\n    return ${DECODE};\n}\n` +
    `const peg$bytecodeOnce = [\n${table.replaceAll('peg$decode(', 'peg$decodeOnce(')}\n];\n`;
  return (
    code.slice(0, parse) +
    moduleTable +
    code.slice(parse, start) +
    '    const peg$bytecode = peg$bytecodeOnce;\n' +
    code.slice(end + TABLE_END.length)
  );
}

/** The renderer's build: sip.js's grammar with its table decoded once (`electron-vite dev` pre-bundles sip.js unchanged). */
export function sipGrammarOnce(): Plugin {
  return {
    name: 'relance:sip-grammar-once',
    transform(code, id) {
      if (!SIP_GRAMMAR_FILE.test(id.split('?')[0]!)) return null;
      return { code: decodeSipGrammarOnce(code), map: null };
    },
  };
}
