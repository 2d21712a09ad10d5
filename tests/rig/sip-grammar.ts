// sip.js's grammar as shipped and as the renderer build ships it (decoded once), side by side in
// Node: for the build step's test and its bench.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeSipGrammarOnce } from '../../scripts/sip-grammar-once';

export type GrammarParse = (input: string, options: { startRule: string }) => unknown;

export const sipGrammarFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('sip.js/package.json')),
  'lib/grammar/pegjs/dist/grammar.js',
);

/** The grammar's code as sip.js publishes it. */
export const sipGrammarCode = (): string => readFileSync(sipGrammarFile, 'utf8');

/** Both parsers; the transformed one imports the same URI and NameAddrHeader classes. */
export async function loadSipGrammars(): Promise<{ stock: GrammarParse; once: GrammarParse }> {
  const stockCode = sipGrammarCode();
  const libDir = pathToFileURL(path.dirname(path.dirname(path.dirname(sipGrammarFile)))).href;
  const code = decodeSipGrammarOnce(stockCode).replaceAll('"../../', `"${libDir}/`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sip-grammar-')), 'grammar.mjs');
  writeFileSync(file, code);
  const load = async (url: string) => ((await import(url)) as { parse: GrammarParse }).parse;
  return { stock: await load(pathToFileURL(sipGrammarFile).href), once: await load(pathToFileURL(file).href) };
}

/** Headers as Kamailio, sipp and sip.js write them; the last two must fail. */
export const sipHeaderSamples: [rule: string, input: string][] = [
  ['SIP_URI', 'sip:alice@127.0.0.1:5060;transport=ws'],
  ['SIP_URI', 'sip:+33612345678@pbx.example.com;user=phone'],
  ['Via', 'SIP/2.0/WSS 127.0.0.1:5061;branch=z9hG4bK776asdhds;rport=5061;received=127.0.0.1'],
  ['From', '"Julie Martin" <sip:204@pbx.example.com>;tag=1928301774'],
  ['To', '<sip:0612345678@127.0.0.1>'],
  ['Contact', '<sip:k3l2j4@df7jal23ls0d.invalid;transport=ws>;expires=600'],
  ['CSeq', '314159 INVITE'],
  ['Call_ID', 'a84b4c76e66710@pc33.atlanta.com'],
  ['Content_Type', 'application/sdp'],
  ['Record_Route', '<sip:127.0.0.1;transport=ws;r2=on;lr=on>'],
  ['WWW_Authenticate', 'Digest realm="127.0.0.1", nonce="Z2a3b4c5", qop="auth"'],
  ['Session_Expires', '1800;refresher=uac'],
  ['Request_Response', 'SIP/2.0 486 Busy Here'],
  ['Refer_To', '<sip:205@pbx.example.com?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2>'],
  ['SIP_URI', 'not a uri'],
  ['CSeq', 'INVITE 314159'],
];
