import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { importProblemText } from '../../../../shared/domain/import-problems';
import type { ImportWarning } from '../../../../shared/domain/import-report';
import { importWarning } from './warning';

/** Every element is an array (ADF repeats most of them), attributes are `@_name`, text is `#text`. */
export type XmlNode = { [key: string]: XmlNode[] | string } | string;

export interface ParsedXml {
  root: XmlNode;
  /** 1-based line of each `<prospect` start tag, in document order. */
  prospectLines: number[];
  warnings: ImportWarning[];
}

export class MalformedXml extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    /** The XML validator's own words. */
    readonly detail: string,
  ) {
    super(importProblemText({ code: 'xml-malformed', line, column, detail }, 'en'));
  }
}

const WRAP_OPEN = '<relance-adf-file>';

/**
 * Safety: DOCTYPE declarations are removed before parsing, so no entity is ever declared: only
 * the five predefined entities and numeric references are decoded (no "billion laughs", no
 * external entity, nothing fetched: fast-xml-parser never resolves SYSTEM ids anyway).
 * `processEntities` stays on for those; `htmlEntities` lists only the XML five (no HTML table).
 * Several `<adf>` documents in one file (concatenated feeds, each with its `<?xml?>`) are
 * parsed as one by blanking the declarations and wrapping the whole text in one root element.
 * Blanking keeps every character's line, so reported lines are the file's.
 */
export function parseXmlFile(text: string): ParsedXml {
  const warnings: ParsedXml['warnings'] = [];
  let body = text.replace(/^\uFEFF/, '');
  body = body.replace(/<\?xml[\s\S]*?\?>/g, blank);
  body = body.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/gi, (m, _subset, offset: number) => {
    if (/<!ENTITY/i.test(m)) warnings.push(importWarning(lineAt(body, offset), { code: 'doctype-entities-ignored' }));
    return blank(m);
  });
  const wrapped = `${WRAP_OPEN}${body}</relance-adf-file>`;
  const valid = XMLValidator.validate(wrapped, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const column = line === 1 ? col - WRAP_OPEN.length : col;
    throw new MalformedXml(line, Math.max(1, column), msg);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    // An object here means "these named entities, plus numeric references (&#233;)": the XML five only.
    // (The runtime takes an object; the published typings only say boolean.)
    htmlEntities: { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as unknown as boolean,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  const root = parser.parse(wrapped) as Record<string, XmlNode[]>;
  const scan = body.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, blank);
  const prospectLines: number[] = [];
  const re = /<prospect[\s>/]/g;
  let lines = 1;
  let last = 0;
  for (let m = re.exec(scan); m; m = re.exec(scan)) {
    lines += countLines(scan, last, m.index);
    last = m.index;
    prospectLines.push(lines);
  }
  return { root: root['relance-adf-file']?.[0] ?? {}, prospectLines, warnings };
}

const blank = (m: string) => m.replace(/[^\n]/g, ' ');
const countLines = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};
const lineAt = (s: string, offset: number) => 1 + countLines(s, 0, offset);

/** Text of an element (`<make>Renault</make>` or `<phone type="voice">…</phone>`), trimmed; '' if none. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.trim();
  const t = node['#text'];
  return typeof t === 'string' ? t.trim() : '';
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v.trim() : undefined;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  const v = node[name];
  return Array.isArray(v) ? v : [];
}

export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => children(node, name)[0];

export function elementNames(node: XmlNode | undefined): string[] {
  if (node === undefined || typeof node === 'string') return [];
  return Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
}
