/**
 * Derived values in a spec: a field set to `{ expr: "0.08 / depth" }` (in `defaults`, an
 * experiment's `set` or a rule's `set`) is computed per cell from the cell's other run-config
 * fields, after every layer of precedence (and `--set`) has been applied. An expression may
 * read another derived field; a cycle is an error. See expression.ts for the language.
 */
import type jsep from 'jsep';
import { RUN_CONFIG_FIELDS } from '@ansatz/core';
import { evaluate, ExpressionError, fieldsOf, parseExpression } from './expression.js';
import { FIELD_SET, unknownFieldMessage } from './fields.js';
import type { SpecPath, SpecSource } from './parse-spec.js';
import type { ExprValue, Scalar, Spec, SpecValue } from './spec-schema.js';

/** Whether a spec value is an expression `{ expr: "…" }`. */
export function isExpr(v: SpecValue | undefined): v is ExprValue {
  return typeof v === 'object' && v !== null && 'expr' in v;
}

const parsed = new Map<string, jsep.Expression>();

/** The syntax tree of an expression (parsed once per text). Throws an ExpressionError. */
function treeOf(text: string): jsep.Expression {
  let tree = parsed.get(text);
  if (!tree) {
    tree = parseExpression(text);
    parsed.set(text, tree);
  }
  return tree;
}

/** `file:line:col path.expr: message` for an expression, with its character when known. */
function located(src: SpecSource, path: SpecPath, text: string, err: ExpressionError): string {
  const at = err.index === undefined ? '' : ` at character ${err.index + 1}`;
  return `${src.where([...path, 'expr'])}: expression "${text}"${at}: ${err.message}`;
}

/** Every expression of a spec with the key path of its `{ expr }` mapping. */
function expressionsOf(spec: Spec): { path: SpecPath; field: string; text: string }[] {
  const out: { path: SpecPath; field: string; text: string }[] = [];
  const add = (base: SpecPath, values: Record<string, SpecValue> | undefined) => {
    for (const [field, v] of Object.entries(values ?? {}))
      if (isExpr(v)) out.push({ path: [...base, field], field, text: v.expr });
  };
  add(['defaults'], spec.defaults);
  for (const [name, exp] of Object.entries(spec.experiments)) {
    add(['experiments', name, 'set'], exp.set);
    (exp.rules ?? []).forEach((r, i) => add(['experiments', name, 'rules', i, 'set'], r.set));
  }
  return out;
}

/**
 * Static checks of every expression of a spec: its syntax, and that it reads only run-config
 * fields other than its own. One located message per problem.
 */
export function checkExpressions(src: SpecSource, spec: Spec): string[] {
  const problems: string[] = [];
  for (const { path, field, text } of expressionsOf(spec)) {
    let tree: jsep.Expression;
    try {
      tree = treeOf(text);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      problems.push(located(src, path, text, err));
      continue;
    }
    for (const name of fieldsOf(tree)) {
      if (name === field) {
        problems.push(
          located(src, path, text, new ExpressionError(`${field} cannot be derived from itself`)),
        );
      } else if (!FIELD_SET.has(name)) {
        problems.push(located(src, path, text, new ExpressionError(unknownFieldMessage(name))));
      }
    }
  }
  return problems;
}

/** A failed evaluation: the field, the path of its expression (or flag), and why. */
export interface DerivedProblem {
  field: string;
  message: string;
}

/**
 * Replace every `{ expr }` value of one cell's config by its value, in place. Fields are read
 * as the cell has them (expressions they hold are evaluated first). Returns the problems.
 */
export function resolveDerived(config: Record<string, SpecValue>): DerivedProblem[] {
  const problems: DerivedProblem[] = [];
  const pending = Object.keys(config).filter((f) => isExpr(config[f]));
  const visiting: string[] = [];
  const value = (field: string): Scalar => {
    const v = Object.hasOwn(config, field) ? config[field] : undefined;
    if (v === undefined || !FIELD_SET.has(field)) {
      throw new ExpressionError(
        FIELD_SET.has(field)
          ? `${field} has no value in this cell (core derives it); set it to use it here`
          : `unknown field "${field}"; fields: ${RUN_CONFIG_FIELDS.join(', ')}`,
      );
    }
    if (!isExpr(v)) return v;
    if (visiting.includes(field)) {
      throw new ExpressionError(`cycle: ${[...visiting, field].join(' → ')}`);
    }
    visiting.push(field);
    try {
      const result = evaluate(treeOf(v.expr), value);
      config[field] = result;
      return result;
    } finally {
      visiting.pop();
    }
  };
  for (const field of pending) {
    if (!isExpr(config[field])) continue; // already evaluated for another field
    try {
      value(field);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      problems.push({ field, message: err.message });
      // Leave no object behind for core to report again.
      delete config[field];
    }
  }
  return problems;
}
