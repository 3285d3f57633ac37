/** Grid specs of an exact number of tiny cells, for timing `runner sweep --dry-run`. */

/** Cells of one seed: depth × learning rate × weight decay. */
export const PLAN_CELLS_PER_SEED = 4 * 25 * 10;

/** A spec of `cells` cells (a multiple of PLAN_CELLS_PER_SEED), as JSON (valid YAML). */
export function planSpecText(cells: number): string {
  if (cells % PLAN_CELLS_PER_SEED !== 0) {
    throw new Error(`plan sizes must be multiples of ${PLAN_CELLS_PER_SEED}`);
  }
  const spec = {
    name: `plan-${cells}`,
    defaults: {
      task: 'linear',
      inputDim: 4,
      outputDim: 2,
      samples: 16,
      width: 4,
      steps: 20,
      logEvery: 10,
      init: 'gaussian',
    },
    experiments: {
      grid: {
        grid: {
          depth: [2, 3, 4, 5],
          learningRate: Array.from({ length: 25 }, (_, i) => Number((0.001 * (i + 1)).toFixed(3))),
          weightDecay: Array.from({ length: 10 }, (_, i) => i / 100),
        },
        seeds: cells / PLAN_CELLS_PER_SEED,
        rules: [{ when: { depth: 5 }, set: { width: 8 } }],
      },
    },
  };
  return `${JSON.stringify(spec, null, 2)}\n`;
}
