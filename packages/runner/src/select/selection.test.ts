import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { loadSpecText } from '../spec/load-spec.js';
import { parseSelection, selectCells, selectionArgv } from './selection.js';

const SPEC = `name: s
defaults: { inputDim: 4, outputDim: 2, samples: 16, steps: 5 }
experiments:
  depth:
    grid: { depth: [2, 3, 4], optimizer: [gd, adam] }
  optimizers:
    grid: { optimizer: [gd, adam, rmsprop] }
`;
const loaded = loadSpecText(SPEC, 's.yaml');
const names = Object.keys(loaded.spec.experiments);

function select(flags: { only?: string[]; where?: string[] }) {
  const { selection, problems } = parseSelection(flags);
  expect(problems).toEqual([]);
  return selectCells(loaded.cells, selection, names, 's.yaml');
}

describe('selection', () => {
  it('--only keeps whole experiments (comma lists and repeats), ids unchanged', () => {
    const cells = select({ only: ['optimizers'] });
    expect(cells.map((c) => c.experiment)).toEqual(['optimizers', 'optimizers', 'optimizers']);
    const all = new Map(loaded.cells.map((c) => [c.id, c]));
    for (const c of cells) expect(all.get(c.id)).toBe(c);
    expect(select({ only: ['depth,optimizers'] })).toHaveLength(9);
    expect(select({ only: ['depth', 'optimizers'] })).toHaveLength(9);
  });

  it('--where clauses are ANDed with each other and with --only, in spec order', () => {
    const cells = select({ where: ['depth>=3', 'optimizer=adam'] });
    expect(cells.map((c) => [c.experiment, c.config.depth, c.config.optimizer])).toEqual([
      ['depth', 3, 'adam'],
      ['depth', 4, 'adam'],
    ]);
    expect(select({ only: ['optimizers'], where: ['optimizer!=gd'] })).toHaveLength(2);
  });

  it('an unknown experiment, or a selection of nothing, is a UserError naming the flags', () => {
    const { selection } = parseSelection({ only: ['dpeth', 'depth'] });
    expect(() => selectCells(loaded.cells, selection, names, 's.yaml')).toThrow(
      new UserError(
        '--only dpeth: no experiment "dpeth" in s.yaml; experiments: depth, optimizers',
      ),
    );
    const none = parseSelection({ only: ['optimizers'], where: ['depth>=3'] }).selection;
    expect(() => selectCells(loaded.cells, none, names, 's.yaml')).toThrow(
      '--only optimizers --where depth>=3: selects no cell of s.yaml',
    );
    expect(parseSelection({ only: ['a,,b'] }).problems[0]).toMatch(
      /^--only "a,,b": expected experiment names/,
    );
  });

  it('gives the flags back for a shard’s command line', () => {
    const { selection } = parseSelection({ only: ['a', 'b,a'], where: ['depth>=3'] });
    expect(selectionArgv(selection)).toEqual(['--only', 'a,b', '--where', 'depth>=3']);
  });
});
