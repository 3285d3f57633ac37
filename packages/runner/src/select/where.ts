/**
 * `--where` clauses: a small grammar over run-config fields for selecting cells.
 *
 *   clause  = field op values
 *   op      = "=" | "!=" | ">=" | "<=" | ">" | "<"
 *   values  = value ("," value)*     (a list only with = and !=: "any of" / "none of")
 *
 * `depth>=4`, `optimizer=adam,rmsprop`, `init!=balanced`. Values are numbers, `true`/`false`
 * or strings, and each is checked against the field's schema; several clauses are ANDed.
 */
import { RUN_CONFIG_FIELDS } from '@ansatz/core';
import { checkFieldValue, FIELD_SET, unknownFieldMessage } from '../spec/fields.js';
import type { Scalar } from '../spec/spec-schema.js';

export type WhereOp = '=' | '!=' | '>=' | '<=' | '>' | '<';

export interface WhereClause {
  /** The clause as given, for messages. */
  text: string;
  field: string;
  op: WhereOp;
  values: Scalar[];
}

const CLAUSE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|!=|=|>|<)\s*(.*?)\s*$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** A flag's text as the value it most likely means: a number, a boolean or a string. */
export function parseValue(text: string): Scalar {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/** Parse one `--where` clause; a problem message names the flag and what is valid. */
export function parseWhereClause(text: string): WhereClause | string {
  const flag = `--where "${text}"`;
  const m = CLAUSE.exec(text);
  if (!m) {
    return `${flag}: expected FIELD=V[,V…], FIELD!=V[,V…], or FIELD>=N (also >, <, <=), e.g. --where depth>=4`;
  }
  const [, field, op, rest] = m as unknown as [string, string, WhereOp, string];
  if (!FIELD_SET.has(field)) return `${flag}: ${unknownFieldMessage(field)}`;
  if (rest === '') return `${flag}: no value after ${op}`;
  const parts = op === '=' || op === '!=' ? rest.split(',').map((p) => p.trim()) : [rest];
  const values = parts.map(parseValue);
  if (op !== '=' && op !== '!=' && typeof values[0] !== 'number') {
    return `${flag}: ${op} needs a number, got "${rest}"`;
  }
  for (const [i, v] of values.entries()) {
    if (parts[i] === '') return `${flag}: an empty value in the list`;
    // An ordering bound need not itself be a valid value (depth<3.5 is fine).
    if (op !== '=' && op !== '!=') break;
    const bad = checkFieldValue(field, v);
    if (bad) return `${flag}: ${field} ${JSON.stringify(v)}: ${bad}`;
  }
  return { text, field, op, values };
}

/** Parse every `--where` flag; returns the clauses and the problems. */
export function parseWhere(texts: readonly string[]): {
  clauses: WhereClause[];
  problems: string[];
} {
  const clauses: WhereClause[] = [];
  const problems: string[] = [];
  for (const t of texts) {
    const c = parseWhereClause(t);
    if (typeof c === 'string') problems.push(c);
    else clauses.push(c);
  }
  return { clauses, problems };
}

/** Whether a run config satisfies one clause. */
export function matchesClause(config: Readonly<Record<string, unknown>>, c: WhereClause): boolean {
  const v = config[c.field];
  switch (c.op) {
    case '=':
      return c.values.some((w) => w === v);
    case '!=':
      return c.values.every((w) => w !== v);
  }
  if (typeof v !== 'number') return false;
  const bound = c.values[0] as number;
  switch (c.op) {
    case '>=':
      return v >= bound;
    case '<=':
      return v <= bound;
    case '>':
      return v > bound;
    default:
      return v < bound;
  }
}

/** Whether a run config satisfies every clause (no clauses: always). */
export function matchesWhere(
  config: Readonly<Record<string, unknown>>,
  clauses: readonly WhereClause[],
): boolean {
  return clauses.every((c) => matchesClause(config, c));
}

/** The fields `--where` accepts, for help texts. */
export const WHERE_FIELDS = RUN_CONFIG_FIELDS;
