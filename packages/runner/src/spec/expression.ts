/**
 * Derived values: the small expression language of `{ expr: "0.08 / depth" }` in a spec.
 * Parsed by jsep (a maintained expression parser that only builds a syntax tree) and evaluated
 * here by walking that tree, so an expression can reach nothing but what this file allows: the
 * cell's run-config fields by name, number/string/boolean literals, arithmetic, comparisons,
 * `&&` `||` `!`, `a ? b : c`, and the functions of FUNCTIONS. No member access, no globals, no
 * `this`, no assignment, no calls of anything else — so no prototype, no `constructor`.
 */
import jsep from 'jsep';
import type { Scalar } from './spec-schema.js';

/** A problem with an expression; `index` is the 0-based character in its text, when known. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Fn = (...args: number[]) => number;

/** `sig(x, n)`: x to n significant digits, the same number as writing those digits down. */
function sig(x: number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 17) {
    throw new ExpressionError(`sig(x, n): n must be an integer from 1 to 17, got ${n}`);
  }
  return Number(x.toPrecision(n));
}

/** `round(x)` to an integer, `round(x, n)` to n decimal places (as writing them down). */
function round(x: number, n = 0): number {
  if (!Number.isInteger(n) || n < 0 || n > 20) {
    throw new ExpressionError(`round(x, n): n must be an integer from 0 to 20, got ${n}`);
  }
  return Number(x.toFixed(n));
}

/** The functions an expression may call, with their argument counts. */
export const FUNCTIONS: ReadonlyMap<string, { fn: Fn; args: [number, number] }> = new Map([
  ['sig', { fn: sig, args: [2, 2] }],
  ['round', { fn: round, args: [1, 2] }],
  ['floor', { fn: Math.floor, args: [1, 1] }],
  ['ceil', { fn: Math.ceil, args: [1, 1] }],
  ['abs', { fn: Math.abs, args: [1, 1] }],
  ['sqrt', { fn: Math.sqrt, args: [1, 1] }],
  ['exp', { fn: Math.exp, args: [1, 1] }],
  ['log', { fn: Math.log, args: [1, 1] }],
  ['log2', { fn: Math.log2, args: [1, 1] }],
  ['log10', { fn: Math.log10, args: [1, 1] }],
  ['pow', { fn: Math.pow, args: [2, 2] }],
  ['min', { fn: Math.min, args: [1, 16] }],
  ['max', { fn: Math.max, args: [1, 16] }],
] as [string, { fn: Fn; args: [number, number] }][]);

const BINARY = new Set(['+', '-', '*', '/', '%', '**', '==', '!=', '<', '<=', '>', '>=']);
const LOGICAL = new Set(['&&', '||']);

/** Parse an expression; a syntax error is an ExpressionError at its character. */
export function parseExpression(text: string): jsep.Expression {
  try {
    return jsep(text);
  } catch (err) {
    const e = err as { description?: string; index?: number; message: string };
    throw new ExpressionError(e.description ?? e.message, e.index);
  }
}

/** Names of the fields an expression reads (identifiers that are not called as functions). */
export function fieldsOf(node: jsep.Expression): string[] {
  const out = new Set<string>();
  const walk = (n: jsep.Expression): void => {
    if (n.type === 'Identifier') out.add(n.name as string);
    else if (n.type === 'CallExpression') for (const a of n.arguments as jsep.Expression[]) walk(a);
    else
      for (const k of ['left', 'right', 'argument', 'test', 'consequent', 'alternate']) {
        const child = n[k] as jsep.Expression | undefined;
        if (child && typeof child === 'object') walk(child);
      }
  };
  walk(node);
  return [...out];
}

function num(v: Scalar, what: string): number {
  if (typeof v !== 'number') {
    throw new ExpressionError(`${what} needs numbers, got ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * Evaluate a parsed expression. `lookup(name)` gives a field's value (it throws for an unknown
 * field). A result that is not a finite number, a string or a boolean is an ExpressionError.
 */
export function evaluate(node: jsep.Expression, lookup: (name: string) => Scalar): Scalar {
  const v = evalNode(node, lookup);
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new ExpressionError(
      `the result is ${v}${Number.isNaN(v) ? '' : ' (a division by zero?)'}; expected a finite number`,
    );
  }
  return v;
}

function evalNode(n: jsep.Expression, lookup: (name: string) => Scalar): Scalar {
  switch (n.type) {
    case 'Literal': {
      const v = n.value;
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      throw new ExpressionError(`literal ${String(n.raw)} is not allowed`);
    }
    case 'Identifier': {
      const v: unknown = lookup(n.name as string);
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      throw new ExpressionError(`"${String(n.name)}" is not a run-config field`);
    }
    case 'UnaryExpression': {
      const a = evalNode(n.argument as jsep.Expression, lookup);
      if (n.operator === '!') return !a;
      if (n.operator === '-') return -num(a, 'unary -');
      if (n.operator === '+') return num(a, 'unary +');
      throw new ExpressionError(`operator ${String(n.operator)} is not allowed`);
    }
    case 'BinaryExpression': {
      const op = n.operator as string;
      const a = evalNode(n.left as jsep.Expression, lookup);
      if (LOGICAL.has(op)) {
        if (op === '&&') return a ? evalNode(n.right as jsep.Expression, lookup) : a;
        return a ? a : evalNode(n.right as jsep.Expression, lookup);
      }
      if (!BINARY.has(op)) throw new ExpressionError(`operator ${op} is not allowed`);
      const b = evalNode(n.right as jsep.Expression, lookup);
      return binary(op, a, b);
    }
    case 'ConditionalExpression':
      return evalNode(n.test as jsep.Expression, lookup)
        ? evalNode(n.consequent as jsep.Expression, lookup)
        : evalNode(n.alternate as jsep.Expression, lookup);
    case 'CallExpression': {
      const callee = n.callee as jsep.Expression;
      const name = callee.type === 'Identifier' ? (callee.name as string) : undefined;
      const f = name === undefined ? undefined : FUNCTIONS.get(name);
      if (!f) {
        throw new ExpressionError(
          `${name === undefined ? 'calling this is not allowed' : `unknown function "${name}"`}; functions: ${[...FUNCTIONS.keys()].join(', ')}`,
        );
      }
      const args = (n.arguments as jsep.Expression[]).map((a) =>
        num(evalNode(a, lookup), `${name}()`),
      );
      const [lo, hi] = f.args;
      if (args.length < lo || args.length > hi) {
        const want = lo === hi ? `${lo}` : `${lo} to ${hi}`;
        throw new ExpressionError(`${name}() takes ${want} argument(s), got ${args.length}`);
      }
      return f.fn(...args);
    }
    default:
      throw new ExpressionError(
        `${n.type === 'MemberExpression' ? 'member access (a.b, a[b])' : n.type} is not allowed; use field names, numbers, strings, operators and ${[...FUNCTIONS.keys()].join(', ')}`,
      );
  }
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  const x = num(a, `operator ${op}`);
  const y = num(b, `operator ${op}`);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) throw new ExpressionError('division by zero');
      return x / y;
    case '%':
      if (y === 0) throw new ExpressionError('division by zero (x % 0)');
      return x % y;
    case '**':
      return x ** y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}
