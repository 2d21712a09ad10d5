import type { ImportReject, ImportReport } from '../../../../shared/domain/import-report';
import type { LeadDraft } from '../../../../shared/domain/lead';
import { importReject } from '../reject';
import { prospectToDraft } from './prospect-to-draft';
import { importWarning } from './warning';
import { children, elementNames, parseXmlFile, type XmlNode } from './xml';

export interface ParsedAdf {
  items: { draft: LeadDraft; line: number }[];
  rejects: ImportReject[];
  warnings: ImportReport['warnings'];
  prospects: number;
}

/**
 * A file of one or many `<adf>` documents (concatenated, or wrapped in any element) -> drafts.
 * Throws MalformedXml when the file is not well-formed XML.
 */
export function parseAdf(text: string, ctx: { region: string; zone: string }): ParsedAdf {
  const xml = parseXmlFile(text);
  const warnings = [...xml.warnings];
  const prospects: XmlNode[] = [];
  const collect = (node: XmlNode, underAdf: boolean) => {
    for (const name of elementNames(node)) {
      for (const c of children(node, name)) {
        if (name === 'prospect') {
          if (!underAdf)
            warnings.push(importWarning(xml.prospectLines[prospects.length] ?? 0, { code: 'prospect-outside-adf' }));
          prospects.push(c);
        } else collect(c, underAdf || name === 'adf');
      }
    }
  };
  collect(xml.root, false);
  const result: ParsedAdf = { items: [], rejects: [], warnings, prospects: prospects.length };
  if (prospects.length === 0) {
    result.rejects.push(importReject(1, { code: 'no-prospect' }));
    return result;
  }
  prospects.forEach((p, index) => {
    const line = xml.prospectLines[index] ?? 1;
    const r = prospectToDraft(p, `prospect[${index + 1}]`, ctx);
    for (const notice of r.warnings) warnings.push(importWarning(line, notice));
    if (r.reject) result.rejects.push(importReject(line, r.reject.problem, r.reject.column));
    else if (r.draft) result.items.push({ draft: r.draft, line });
  });
  return result;
}
