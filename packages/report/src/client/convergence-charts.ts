import * as Plot from '@observablehq/plot';
import type { ConvergenceData, ConvergenceRun } from '../data/convergence.js';
import type { ChartContext, ChartRenderers, ConvergenceCurves } from './chart-kinds.js';
import { logAxis } from './types.js';

type Run = ConvergenceRun;
/** Every convergence chart's data; only the imbalance chart has (and draws) the theory curves. */
type ConvData = ConvergenceCurves & Partial<Pick<ConvergenceData, 'theory'>>;

const THEORY = 'gd theory e^(−2ηλ·step)';

/** Attach each point's run fields (facets, colour, tooltip). */
function join<T extends { k: number }>(runs: Run[], pts: T[]) {
  const byK = new Map(runs.map((r) => [r.k, r]));
  return pts.flatMap((p) => {
    const r = byK.get(p.k);
    return r ? [{ ...p, run: r.id, init: r.init, lambda: `λ = ${r.wd}`, opt: r.opt, L: r.L }] : [];
  });
}

function facetHeight(runs: Run[]): number {
  return 90 + 170 * new Set(runs.map((r) => r.wd)).size;
}

function convChart(key: 'c' | 'i' | 'l', label: string, log: boolean) {
  return (d: ConvData, { width, document }: ChartContext) => {
    const pts = join(d.runs, d.points).filter(
      (p) => p[key] !== null && (!log || (p[key] as number) > 0),
    );
    const theory = key === 'i' ? join(d.runs, d.theory ?? []) : [];
    const marks: Plot.Markish[] = [
      Plot.frame({ stroke: '#ddd' }),
      Plot.line(pts, {
        x: 's',
        y: key,
        z: 'k',
        fx: 'init',
        fy: 'lambda',
        stroke: 'opt',
        strokeWidth: 1.3,
        tip: true,
        channels: { run: 'run', depth: 'L' },
      }),
    ];
    if (theory.length > 0) {
      marks.push(
        Plot.line(theory, {
          x: 's',
          y: 'i',
          z: 'k',
          fx: 'init',
          fy: 'lambda',
          stroke: () => THEORY,
          strokeDasharray: '5,4',
          strokeWidth: 1.5,
        }),
      );
    }
    return Plot.plot({
      document,
      width,
      height: facetHeight(d.runs),
      marginRight: 70,
      fx: { label: 'init' },
      fy: { label: 'weight decay' },
      x: { label: 'step', grid: true },
      y: log ? logAxis(label) : { label, grid: true },
      color: { legend: true, label: 'optimizer' },
      marks,
    });
  };
}

export const convergenceRenderers: Pick<
  ChartRenderers,
  'conv-imbalance' | 'conv-corr' | 'conv-loss'
> = {
  'conv-imbalance': convChart('i', 'imbalance Σ‖D_l‖_F', true),
  'conv-corr': convChart('c', 'corr(1/L)', false),
  'conv-loss': convChart('l', 'loss (MSE)', true),
};
