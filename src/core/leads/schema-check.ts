import type { z } from 'zod';

/** Says whether a value passes a schema, nothing more (no parsed copy, no issue list). */
export type Check = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  element?: Node;
  options?: Node[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  discriminator?: string;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
type Node = { _zod: { def: Def } };

/** String formats zod decides with its pattern alone (others have extra logic: left to zod). */
const PATTERN_FORMATS = new Set(['regex', 'email', 'datetime', 'date', 'e164']);

/**
 * Compiles a zod schema into a plain predicate with the same verdict as `schema.safeParse(v).success`.
 * Zod builds the parsed copy and its issue list for every lead (~20 µs each, 2 s for a 100k-row
 * import); this walks the value once. Only the shapes the lead schema uses are compiled (objects
 * that strip unknown keys, strings, finite numbers, booleans, enums, literals, arrays, optionals,
 * unions; length, range, integer and pattern checks); anything else is handed to zod itself, so
 * an unfamiliar schema is slower, never more lenient. tests/unit/leads/schema-check.test.ts holds
 * the two equal on generated leads, valid and broken.
 */
export function compileCheck(schema: z.ZodType): Check {
  return compile(schema as unknown as Node);
}

function compile(node: Node): Check {
  const def = node._zod.def;
  const byZod: Check = (v) => (node as unknown as z.ZodType).safeParse(v).success;
  if (def.coerce) return byZod;
  const checks = compileChecks(def);
  if (checks === null) return byZod;
  // Plain loops, no closure made per call: a lead passes through ~150 of these.
  const withChecks = (base: Check): Check => {
    if (checks.length === 0) return base;
    if (checks.length === 1) {
      const only = checks[0]!;
      return (v) => base(v) && only(v as Value);
    }
    return (v) => {
      if (!base(v)) return false;
      for (let i = 0; i < checks.length; i++) if (!checks[i]!(v as Value)) return false;
      return true;
    };
  };
  switch (def.type) {
    case 'string':
      return withChecks((v) => typeof v === 'string');
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return withChecks((v) => typeof v === 'boolean');
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return withChecks((v) => values.has(v));
    }
    case 'literal': {
      const values = def.values ?? [];
      return withChecks((v) => values.includes(v));
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return withChecks((v) => v === undefined || inner(v));
    }
    case 'array': {
      const element = compile(def.element!);
      return withChecks((v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      });
    }
    case 'union': {
      const byTag = discriminated(def);
      if (byTag) {
        // One option per tag value (zod refuses duplicates): straight to it, as zod does.
        const key = def.discriminator!;
        return withChecks((v) => {
          if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
          const option = byTag.get((v as Record<string, unknown>)[key]);
          return option !== undefined && option(v);
        });
      }
      const options = def.options!.map(compile);
      return withChecks((v) => {
        for (let i = 0; i < options.length; i++) if (options[i]!(v)) return true;
        return false;
      });
    }
    case 'object': {
      if (def.catchall !== undefined) return byZod; // strict or passthrough objects: zod decides
      const keys = Object.keys(def.shape!);
      const fields = keys.map((k) => compile(def.shape![k]!));
      const all = fieldsCheck(keys, fields);
      return withChecks((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && all(v));
    }
    default:
      return byZod;
  }
}

/**
 * Every field of an object against its check. Generated once per object schema (as zod does):
 * `o[key]` with the key in a variable is a megamorphic lookup, ~3 µs a lead; `o.contact` in
 * code of its own is a plain property load. Where code cannot be generated, the loop.
 */
function fieldsCheck(keys: string[], fields: Check[]): (o: object) => boolean {
  try {
    const body = keys.map((k, i) => `f[${i}](o[${JSON.stringify(k)}])`).join(' && ') || 'true';
    return new Function('f', `return function (o) { return ${body}; };`)(fields) as (o: object) => boolean;
  } catch {
    return (o) => {
      for (let i = 0; i < keys.length; i++) if (!fields[i]!((o as Record<string, unknown>)[keys[i]!])) return false;
      return true;
    };
  }
}

/** A discriminated union's options by the literal value of their tag; undefined if not one. */
function discriminated(def: Def): Map<unknown, Check> | undefined {
  const key = def.discriminator;
  if (!key) return undefined;
  const byTag = new Map<unknown, Check>();
  for (const option of def.options!) {
    const tag = option._zod.def.shape?.[key]?._zod.def;
    if (option._zod.def.type !== 'object' || tag?.type !== 'literal' || tag.checks?.length) return undefined;
    for (const value of tag.values ?? []) {
      if (byTag.has(value)) return undefined;
      byTag.set(value, compile(option));
    }
  }
  return byTag;
}

type Value = string | number | unknown[];

/** The node's own checks as predicates; null when one of them is not understood here. */
function compileChecks(def: Def): ((v: Value) => boolean)[] | null {
  const out: ((v: Value) => boolean)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    switch (d.check) {
      case 'min_length': {
        const min = d.minimum!;
        out.push((v) => (v as string | unknown[]).length >= min);
        break;
      }
      case 'max_length': {
        const max = d.maximum!;
        out.push((v) => (v as string | unknown[]).length <= max);
        break;
      }
      case 'greater_than': {
        const min = d.value!;
        out.push(d.inclusive ? (v) => (v as number) >= min : (v) => (v as number) > min);
        break;
      }
      case 'less_than': {
        const max = d.value!;
        out.push(d.inclusive ? (v) => (v as number) <= max : (v) => (v as number) < max);
        break;
      }
      case 'number_format':
        if (d.format !== 'safeint') return null;
        out.push((v) => Number.isSafeInteger(v));
        break;
      case 'string_format': {
        if (!PATTERN_FORMATS.has(d.format ?? '') || !(d.pattern instanceof RegExp)) return null;
        const pattern = d.pattern;
        // A lead repeats its times (created = first timeline entry = consent given): the last answer is kept.
        let last: unknown;
        let lastOk = false;
        out.push((v) => {
          if (v === last) return lastOk;
          pattern.lastIndex = 0;
          lastOk = pattern.test(v as string);
          last = v;
          return lastOk;
        });
        break;
      }
      default:
        return null;
    }
  }
  return out;
}
