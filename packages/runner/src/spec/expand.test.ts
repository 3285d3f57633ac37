import { resolveConfig } from '@ansatz/core';
import { describe, expect, it } from 'vitest';
import { runId } from '../ids.js';
import { membershipOfCells } from '@ansatz/results';
import { loadSpecText, uniqueCells } from './load-spec.js';

/** The example of DESIGN.md §3, verbatim. */
const DESIGN_EXAMPLE = `
name: quick                  # results go to results/<name>/ unless --out says otherwise
defaults:                    # any run-config field; unset fields take the core's defaults
  task: linear
  inputDim: 16
  outputDim: 6
  steps: 2000
experiments:
  depth:                     # experiment name (a key, so names are unique)
    grid:                    # cartesian product of every axis; any run-config field
      depth: [2, 3, 4, 6]
      init: [balanced, gaussian]
      optimizer: [gd, adam]
      weightDecay: [0, 0.01]
    seeds: 3                 # shorthand for grid.seed: [0, 1, 2]
    set: { width: 24 }       # fixed values for this experiment
    rules:                   # settings tied to axis values, applied in order
      - when: { optimizer: adam }
        set: { learningRate: 0.001 }
  counterexamples:
    grid: { activation: [relu, tanh], initScale: [0.1, 10] }
`;

describe('expandSpec', () => {
  it('expands the DESIGN.md example to the full cartesian product', () => {
    const { cells, spec } = loadSpecText(DESIGN_EXAMPLE, 'quick.yaml');
    expect(spec.name).toBe('quick');
    const depth = cells.filter((c) => c.experiment === 'depth');
    const counter = cells.filter((c) => c.experiment === 'counterexamples');
    expect(depth).toHaveLength(4 * 2 * 2 * 2 * 3);
    expect(counter).toHaveLength(2 * 2);
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
    for (const c of depth) {
      expect(c.config.width).toBe(24);
      expect(c.config.inputDim).toBe(16);
      expect(c.config.learningRate).toBe(
        c.config.optimizer === 'adam' ? 0.001 : resolveConfig({}).learningRate,
      );
      expect(c.id).toBe(runId(c.config));
    }
    expect(new Set(depth.map((c) => c.config.seed))).toEqual(new Set([0, 1, 2]));
  });

  it('applies precedence core defaults < defaults < set < rules (in order) < grid', () => {
    const { cells } = loadSpecText(
      `name: p
defaults: { width: 8, learningRate: 0.1, steps: 10 }
experiments:
  e:
    grid: { depth: [2, 3], steps: [5] }
    set: { width: 12, learningRate: 0.2 }
    rules:
      - when: { depth: 3 }
        set: { learningRate: 0.3, width: 20 }
      - when: { depth: 3, width: 20 }
        set: { learningRate: 0.4 }
      - when: { depth: [2, 7] }
        set: { weightDecay: 0.5 }
`,
      'p.yaml',
    );
    const by = new Map(cells.map((c) => [c.config.depth, c.config]));
    expect(by.get(2)).toMatchObject({ width: 12, learningRate: 0.2, weightDecay: 0.5, steps: 5 });
    // the second rule sees the first rule's width and overrides its learning rate
    expect(by.get(3)).toMatchObject({ width: 20, learningRate: 0.4, weightDecay: 0, steps: 5 });
    expect(by.get(2)!.samples).toBe(resolveConfig({}).samples);
  });

  it('accepts seeds as a list, anchors and aliases', () => {
    const { cells } = loadSpecText(
      `name: a
defaults: &base { steps: 10, width: 4 }
experiments:
  one: { grid: { depth: [2] }, seeds: [3, 7], set: { logEvery: 5 } }
  two: { grid: { depth: [2, 3] }, set: *base }
`,
      'a.yaml',
    );
    expect(cells.filter((c) => c.experiment === 'one').map((c) => c.config.seed)).toEqual([3, 7]);
    expect(cells.filter((c) => c.experiment === 'two').map((c) => c.config.steps)).toEqual([
      10, 10,
    ]);
  });

  it('gives a cell shared by two experiments one id, counted in both', () => {
    const { cells } = loadSpecText(
      `name: s
experiments:
  a: { grid: { depth: [2, 3] } }
  b: { grid: { depth: [3, 4] } }
`,
      's.yaml',
    );
    expect(cells).toHaveLength(4);
    expect(uniqueCells(cells)).toHaveLength(3);
    const shared = runId(resolveConfig({ depth: 3 }));
    expect(membershipOfCells(cells).get(shared)).toEqual(['a', 'b']);
  });

  it('gives new ids when a default changes and keeps them when the spec is only reordered', () => {
    const a = loadSpecText(
      'name: x\ndefaults: { steps: 10 }\nexperiments: { e: { grid: { depth: [2, 3] } } }',
      'x',
    );
    const b = loadSpecText(
      'name: x\ndefaults: { steps: 11 }\nexperiments: { e: { grid: { depth: [2, 3] } } }',
      'x',
    );
    const c = loadSpecText(
      'name: y\nexperiments: { f: { grid: { depth: [3, 2] }, set: { steps: 10 } } }',
      'y',
    );
    const ids = (l: typeof a) => new Set(l.cells.map((x) => x.id));
    expect([...ids(a)].some((id) => ids(b).has(id))).toBe(false);
    expect(ids(c)).toEqual(ids(a));
  });

  it('warns about a rule that matches no cell', () => {
    const { warnings } = loadSpecText(
      'name: w\nexperiments:\n  e:\n    grid: { depth: [2] }\n    rules: [{ when: { optimizer: adam }, set: { learningRate: 0.01 } }]\n',
      'w.yaml',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /w\.yaml:5:\d+ experiments\.e\.rules\[0\]\.when: rule matches no cell/,
    );
  });
});
