import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { loadSpecFile, loadSpecText } from './load-spec.js';

const fixture = fileURLToPath(new URL('../../test-fixtures/full-yaml-ids.txt', import.meta.url));
const fullYaml = fileURLToPath(new URL('../../../../sweeps/full.yaml', import.meta.url));

/** The problems a spec is rejected with. */
function problems(text: string): string[] {
  try {
    loadSpecText(text, 'x.yaml');
  } catch (err) {
    if (err instanceof UserError) return err.problems;
    throw err;
  }
  throw new Error('the spec was accepted');
}

const head = 'name: x\ndefaults: { inputDim: 4, outputDim: 2, samples: 16, steps: 5 }\n';

describe('derived values { expr }', () => {
  it('computes a field from the cell’s other fields, after rules and grid', () => {
    const { cells } = loadSpecText(
      `${head}experiments:
  e:
    grid: { depth: [2, 4], optimizer: [gd, momentum] }
    set:
      learningRate: { expr: 'sig((optimizer == "momentum" ? 0.008 : 0.08) / depth, 3)' }
      width: { expr: "depth * 4" }
    rules:
      - when: { depth: 4 }
        set: { initScale: { expr: "1 / sqrt(width)" } }
`,
      'x.yaml',
    );
    const got = cells.map((c) => [c.config.depth, c.config.optimizer, c.config.learningRate]);
    expect(got).toEqual([
      [2, 'gd', 0.04],
      [2, 'momentum', 0.004],
      [4, 'gd', 0.02],
      [4, 'momentum', 0.002],
    ]);
    expect(cells[2]!.config.width).toBe(16);
    expect(cells[2]!.config.initScale).toBe(0.25);
    expect(cells[0]!.config.initScale).toBe(0.5); // the rule did not apply
  });

  it('gives the same id as writing the value down', () => {
    const a = loadSpecText(
      `${head}experiments: { e: { grid: { depth: [3] }, set: { learningRate: 0.0267 } } }\n`,
      'a.yaml',
    );
    const b = loadSpecText(
      `${head}experiments: { e: { grid: { depth: [3] }, set: { learningRate: { expr: "sig(0.08 / depth, 3)" } } } }\n`,
      'b.yaml',
    );
    expect(b.cells[0]!.id).toBe(a.cells[0]!.id);
  });

  it('sweeps/full.yaml, rewritten with expressions, resolves to exactly the cells and ids it had', () => {
    const { cells } = loadSpecFile(fullYaml);
    const got = cells.map((c) => `${c.id} ${c.experiment}`).sort();
    const want = readFileSync(fixture, 'utf8').trim().split('\n');
    expect(want).toHaveLength(2890);
    expect(got).toEqual(want);
  });

  it('locates a malformed expression at file:line:col and its character', () => {
    expect(
      problems(
        `${head}experiments:\n  e:\n    grid: { depth: [2] }\n    set:\n      learningRate: { expr: "0.08 / (depth" }\n`,
      ),
    ).toEqual([
      'x.yaml:7:29 experiments.e.set.learningRate.expr: expression "0.08 / (depth" at character 14: Unclosed (',
    ]);
  });

  it('locates an unknown field, with a suggestion', () => {
    const p = problems(
      `${head}experiments:\n  e:\n    grid: { depth: [2] }\n    set:\n      learningRate: { expr: "0.08 / dpeth" }\n`,
    );
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /^x\.yaml:7:29 experiments\.e\.set\.learningRate\.expr: expression "0\.08 \/ dpeth": unknown run-config field "dpeth" \(did you mean "depth"\?\)/,
    );
  });

  it('locates a division by zero in a cell, naming the cell', () => {
    expect(
      problems(
        `${head}experiments:\n  e:\n    grid: { depth: [2], weightDecay: [0, 0.1] }\n    set: { learningRate: { expr: "0.001 / weightDecay" } }\n`,
      ),
    ).toEqual([
      'x.yaml:6:34 experiments.e.set.learningRate.expr: division by zero (cell depth=2 weightDecay=0)',
    ]);
  });

  it('reports a result of the wrong type where the expression is', () => {
    const p = problems(
      `${head}experiments:\n  e:\n    grid: { depth: [2] }\n    set: { learningRate: { expr: "depth > 1" } }\n`,
    );
    expect(p).toEqual([
      expect.stringMatching(
        /^x\.yaml:6:26 experiments\.e\.set\.learningRate: .*expected number, received boolean/,
      ),
    ]);
  });

  it('rejects a cycle, a self-reference and a malformed { expr } mapping', () => {
    expect(
      problems(
        `${head}experiments:\n  e:\n    grid: { seed: [0] }\n    set: { depth: { expr: "width / 8" }, width: { expr: "depth * 8" } }\n`,
      )[0],
    ).toMatch(/experiments\.e\.set\.depth\.expr: cycle: depth → width → depth/);
    expect(
      problems(
        `${head}experiments:\n  e:\n    grid: { seed: [0] }\n    set: { depth: { expr: "depth + 1" } }\n`,
      )[0],
    ).toMatch(/depth cannot be derived from itself/);
    expect(
      problems(
        `${head}experiments:\n  e:\n    grid: { seed: [0] }\n    set: { depth: { exp: "2" } }\n`,
      )[0],
    ).toMatch(/^x\.yaml:6:\d+ experiments\.e\.set\.depth/);
  });
});
