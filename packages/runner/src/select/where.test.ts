import { describe, expect, it } from 'vitest';
import { matchesWhere, parseWhere, parseWhereClause, type WhereClause } from './where.js';

const clause = (text: string): WhereClause => {
  const c = parseWhereClause(text);
  if (typeof c === 'string') throw new Error(c);
  return c;
};
const config = { depth: 4, optimizer: 'adam', init: 'balanced', weightDecay: 0.01, seed: 2 };
const match = (...texts: string[]) => matchesWhere(config, texts.map(clause));

describe('--where', () => {
  it('parses the six operators, lists and typed values', () => {
    expect(clause('depth>=4')).toEqual({ text: 'depth>=4', field: 'depth', op: '>=', values: [4] });
    expect(clause('optimizer=adam,rmsprop').values).toEqual(['adam', 'rmsprop']);
    expect(clause(' init != balanced ').op).toBe('!=');
    expect(clause('weightDecay<1e-2').values).toEqual([0.01]);
    expect(clause('depth>3').op).toBe('>');
    expect(clause('depth<=3').op).toBe('<=');
  });

  it('matches: = is any of, != none of, comparisons numeric; clauses ANDed', () => {
    expect(match('depth>=4')).toBe(true);
    expect(match('depth>4')).toBe(false);
    expect(match('depth<5', 'depth<=4')).toBe(true);
    expect(match('optimizer=adam,rmsprop')).toBe(true);
    expect(match('optimizer=gd,rmsprop')).toBe(false);
    expect(match('init!=balanced')).toBe(false);
    expect(match('init!=gaussian,orthogonal')).toBe(true);
    expect(match('weightDecay=0.01', 'seed=0,2')).toBe(true);
    expect(match('weightDecay=0.01', 'seed=0,1')).toBe(false);
    expect(matchesWhere({ optimizer: 'adam' }, [clause('depth>=2')])).toBe(false);
  });

  it('names the flag, the field and what is valid for bad clauses', () => {
    const { clauses, problems } = parseWhere([
      'dept>=4',
      'depth',
      'optimizer=adamx',
      'depth>=four',
      'depth=',
      'depth=2,,3',
    ]);
    expect(clauses).toEqual([]);
    expect(problems[0]).toMatch(
      /^--where "dept>=4": unknown run-config field "dept" \(did you mean "depth"\?\); fields: task, inputDim, .*, engine$/,
    );
    expect(problems[1]).toMatch(/^--where "depth": expected FIELD=V\[,V…\], FIELD!=V/);
    expect(problems[2]).toMatch(
      /^--where "optimizer=adamx": optimizer "adamx": Invalid option: expected one of "gd"\|"sgd"/,
    );
    expect(problems[3]).toBe('--where "depth>=four": >= needs a number, got "four"');
    expect(problems[4]).toBe('--where "depth=": no value after =');
    expect(problems[5]).toBe('--where "depth=2,,3": an empty value in the list');
  });
});
