import { cfgNum, cfgStr, finalValue, finite, firstValue, type RunRecord } from './record.js';
import { downsample, sig } from './stats.js';
import { THRESHOLDS, findCounterexamples, type Counterexample } from './verdicts.js';

export interface CounterexamplePoint {
  id: string;
  act: string;
  scale: number;
  L: number;
  /** Final / initial loss. */
  ratio: number | null;
  best: number | null;
  ce: boolean;
}

export interface CounterexamplesData {
  points: CounterexamplePoint[];
  curveRuns: { k: number; id: string; label: string; ce: boolean }[];
  curves: { k: number; s: number; l: number | null; c: number | null }[];
  found: Counterexample[];
  nonlinear: number;
  fitted: number;
  thresholds: { fitRatio: number; failedCorr: number };
}

export const CURVE_RUNS = 8;

/** Nonlinear ok runs: loss reduction against best-α correlation, and a few training curves. */
export function counterexamplesData(records: readonly RunRecord[]): CounterexamplesData {
  const rs = records.filter((r) => r.status === 'ok' && cfgStr(r, 'activation') !== 'linear');
  const { found, nonlinear, fitted } = findCounterexamples(records);
  const ceIds = new Set(found.map((c) => c.id));
  const points = rs.map((r) => {
    const l0 = firstValue(r, 'loss');
    const l1 = finalValue(r, 'loss');
    return {
      id: r.id,
      act: cfgStr(r, 'activation'),
      scale: cfgNum(r, 'initScale'),
      L: cfgNum(r, 'depth'),
      ratio: sig(l0 !== null && l1 !== null && l0 > 0 ? l1 / l0 : null),
      best: sig(r.final ? finite(r.final.nfaCorrBest) : null),
      ce: ceIds.has(r.id),
    };
  });
  const chosen = [
    ...rs.filter((r) => ceIds.has(r.id)),
    ...rs.filter((r) => !ceIds.has(r.id)),
  ].slice(0, CURVE_RUNS);
  const curveRuns = chosen.map((r, k) => ({
    k,
    id: r.id,
    label: `${cfgStr(r, 'activation')} · scale ${cfgNum(r, 'initScale')} · ${r.id.slice(0, 8)}`,
    ce: ceIds.has(r.id),
  }));
  const curves = chosen.flatMap((r, k) =>
    downsample(r.history, 40).map((h) => ({ k, s: h.step, l: sig(h.loss), c: sig(h.nfaCorr, 5) })),
  );
  return {
    points,
    curveRuns,
    curves,
    found: found.slice(0, 20),
    nonlinear,
    fitted,
    thresholds: { fitRatio: THRESHOLDS.fitRatio, failedCorr: THRESHOLDS.failedCorr },
  };
}
