import { describe, expect, it } from 'vitest';
import { loadSpecText } from '../spec/load-spec.js';
import { WHOLE } from '../schedule/shard.js';
import { listCells, varyingFields } from './list-cells.js';
import { planLoaded } from './plan.js';
import { EVERYTHING } from '../select/selection.js';

const loaded = loadSpecText(
  `name: l
defaults: { inputDim: 4, outputDim: 2, samples: 16, steps: 5 }
experiments:
  depth: { grid: { depth: [2, 3] }, seeds: 2 }
  opt: { grid: { optimizer: [gd, adam] }, rules: [{ when: { optimizer: adam }, set: { learningRate: 0.01 } }] }
`,
  'l.yaml',
);

describe('--list', () => {
  it('the varying fields are those that differ among the listed cells, in field order', () => {
    expect(varyingFields(loaded.cells)).toEqual(
      ['depth', 'optimizer', 'learningRate', 'batchSize', 'seed'].filter(
        (f) =>
          f !== 'batchSize' ||
          loaded.cells.some((c) => c.config.batchSize !== loaded.cells[0]!.config.batchSize),
      ),
    );
    expect(varyingFields(loaded.cells.slice(0, 2))).toEqual(['seed']);
    expect(varyingFields([])).toEqual([]);
  });

  it('lists every selected cell once, in spec order, with its status', async () => {
    const p = await planLoaded(loaded, '/nonexistent-ansatz-dir', WHOLE, { selection: EVERYTHING });
    const l = listCells(p);
    expect(
      l.cells.map((c) => [c.experiment, c.status, c.values['depth'], c.values['seed']]),
    ).toEqual([
      ['depth', 'missing', 2, 0],
      ['depth', 'missing', 2, 1],
      ['depth', 'missing', 3, 0],
      ['depth', 'missing', 3, 1],
      ['opt', 'missing', 2, 0],
    ]);
    expect(new Set(l.cells.map((c) => c.id)).size).toBe(5);
  });
});
