import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { loadSpecText } from './load-spec.js';
import { overridesArgv, parseOverrides } from './overrides.js';

const SPEC = `name: s
defaults: { inputDim: 4, outputDim: 2, samples: 16, steps: 50 }
experiments:
  e:
    grid: { depth: [2, 4] }
    set: { learningRate: { expr: "sig(0.08 / depth, 3)" } }
    rules:
      - when: { depth: 4 }
        set: { width: 8 }
`;

describe('--set overrides', () => {
  it('parses values by their look and checks them like spec values, naming the flag', () => {
    expect(parseOverrides(['steps=10', 'optimizer=adam', 'initScale=.5'])).toEqual({
      overrides: { steps: 10, optimizer: 'adam', initScale: 0.5 },
      problems: [],
    });
    expect(parseOverrides(['steps=1', 'steps=2']).overrides).toEqual({ steps: 2 });
    const { problems } = parseOverrides(['stps=10', 'steps=-1', 'depth=two', 'steps', 'steps=']);
    expect(problems).toEqual([
      expect.stringMatching(
        /^--set "stps=10": unknown run-config field "stps" \(did you mean "steps"\?\); fields: /,
      ),
      '--set "steps=-1": Too small: expected number to be >=0',
      '--set "depth=two": Invalid input: expected number, received string',
      '--set "steps": expected FIELD=VALUE, e.g. --set steps=10',
      '--set "steps=": no value after =',
    ]);
    expect(overridesArgv({ steps: 10, optimizer: 'adam' })).toEqual([
      '--set',
      'steps=10',
      '--set',
      'optimizer=adam',
    ]);
  });

  it('beat every layer of the spec, grid values too, and make new cells with new ids', () => {
    const plain = loadSpecText(SPEC, 's.yaml');
    const set = loadSpecText(SPEC, 's.yaml', { overrides: { steps: 10, width: 6 } });
    expect(set.cells.map((c) => [c.config.steps, c.config.width])).toEqual([
      [10, 6],
      [10, 6],
    ]);
    for (let i = 0; i < 2; i++) expect(set.cells[i]!.id).not.toBe(plain.cells[i]!.id);
    // An axis overridden: derived values follow it; rules matched the spec's own values (the
    // depth-4 cell got width 8), since --set comes after the spec's precedence.
    const deep = loadSpecText(SPEC, 's.yaml', { overrides: { depth: 8 } });
    expect(
      deep.cells.map((c) => [c.config.depth, c.config.learningRate, c.config.width, c.axes]),
    ).toEqual([
      [8, 0.01, 16, { depth: 8 }],
      [8, 0.01, 8, { depth: 8 }],
    ]);
    const same = loadSpecText(SPEC, 's.yaml', { overrides: { depth: 8, width: 8 } });
    expect(same.cells[0]!.id).toBe(same.cells[1]!.id);
    expect(set.overrides).toEqual({ steps: 10, width: 6 });
  });

  it('a value that only fails in a cell is reported at the flag', () => {
    try {
      loadSpecText(SPEC, 's.yaml', { overrides: { learningRate: 0 } });
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).problems[0]).toMatch(/^--set learningRate=0: /);
    }
  });
});
