import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError, fieldsOf, parseExpression } from './expression.js';
import type { Scalar } from './spec-schema.js';

const cell: Record<string, Scalar> = { depth: 4, optimizer: 'momentum', width: 16, noise: 0 };
const lookup = (name: string): Scalar => {
  const v = Object.hasOwn(cell, name) ? cell[name] : undefined;
  if (v === undefined) throw new ExpressionError(`unknown field "${name}"`);
  return v;
};
const run = (text: string) => evaluate(parseExpression(text), lookup);
const fails = (text: string) => {
  try {
    run(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return (err as ExpressionError).message;
  }
  throw new Error(`"${text}" did not fail`);
};

describe('expressions', () => {
  it('computes arithmetic, comparisons, conditionals and functions over the fields', () => {
    expect(run('0.08 / depth')).toBe(0.02);
    expect(run('width * 2 + 1')).toBe(33);
    expect(run('2 ** depth')).toBe(16);
    expect(run('-depth % 3')).toBe(-1);
    expect(run('optimizer == "momentum" ? 0.008 : 0.08')).toBe(0.008);
    expect(run("optimizer != 'momentum' || depth >= 4")).toBe(true);
    expect(run('!(depth < 2) && depth <= 4')).toBe(true);
    expect(run('max(depth, 8, 3) - min(1, 2)')).toBe(7);
    expect(run('sqrt(16) + abs(-1) + floor(1.5) + ceil(1.5) + pow(2, 3)')).toBe(16);
    expect(run('log(exp(2)) + log2(8) + log10(100)')).toBe(7);
  });

  it('sig and round give the same number as writing the digits down', () => {
    expect(run('sig(0.08 / 3, 3)')).toBe(0.0267);
    expect(run('sig(0.008 / 7, 3)')).toBe(0.00114);
    expect(run('round(0.08 / 3, 4)')).toBe(0.0267);
    expect(run('round(2.5)')).toBe(3);
    expect(fails('sig(1, 0)')).toMatch(/n must be an integer from 1 to 17/);
  });

  it('reports a syntax error at its character', () => {
    try {
      parseExpression('0.08 / (depth');
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(ExpressionError);
      expect((err as ExpressionError).index).toBe(13);
    }
    expect(() => parseExpression('0.08 /')).toThrow(ExpressionError);
  });

  it('rejects division by zero and non-finite results', () => {
    expect(fails('1 / noise')).toBe('division by zero');
    expect(fails('depth % noise')).toMatch(/division by zero/);
    expect(fails('log(noise)')).toMatch(/the result is -Infinity/);
    expect(fails('sqrt(-1)')).toMatch(/the result is NaN/);
    expect(fails('10 ** 400')).toMatch(/Infinity/);
  });

  it('reaches nothing but the fields and its own functions', () => {
    expect(fails('constructor')).toMatch(/unknown field "constructor"/);
    expect(fails('depth.constructor')).toMatch(/member access/);
    expect(fails('optimizer["length"]')).toMatch(/member access/);
    expect(fails('__proto__')).toMatch(/unknown field/);
    expect(fails('this')).toMatch(/not allowed/);
    expect(fails('process.exit(1)')).toMatch(/unknown function|not allowed/);
    expect(fails('eval("1")')).toMatch(/unknown function "eval"; functions: sig, round/);
    expect(fails('[1, 2]')).toMatch(/not allowed/);
    expect(fails('depth = 3')).toMatch(/Unexpected "="/);
    expect(fails('null')).toMatch(/not allowed/);
  });

  it('rejects operands of the wrong type and wrong argument counts', () => {
    expect(fails('optimizer * 2')).toMatch(/operator \* needs numbers, got "momentum"/);
    expect(fails('sig(depth)')).toMatch(/sig\(\) takes 2 argument/);
  });

  it('lists the fields an expression reads', () => {
    expect(fieldsOf(parseExpression('sig((optimizer == "x" ? 1 : 2) / depth, 3)')).sort()).toEqual([
      'depth',
      'optimizer',
    ]);
  });
});
