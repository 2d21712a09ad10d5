import type { ImportReject } from '../../../shared/domain/import-report';
import { importProblemText, type ImportProblem } from '../../../shared/domain/import-problems';

/** A reject as reports carry it: the problem's code, and its English sentence (what the CLI prints). */
export function importReject(line: number, problem: ImportProblem, column?: string): ImportReject {
  return { line, ...(column ? { column } : {}), reason: importProblemText(problem, 'en'), problem };
}
