import { generator } from '../data/bootstrap.js';
import { toRecord } from '../data/parse.js';
import type { RunRecord } from '../data/record.js';

/**
 * Hand-made run records that follow the contract (DESIGN.md §3) and whose verdicts are known by
 * construction. Used by the unit tests and the browser test; never by the site itself.
 */

export interface MakeOptions {
  id: string;
  experiment?: string;
  status?: 'ok' | 'diverged' | 'failed';
  depth?: number;
  init?: string;
  activation?: string;
  optimizer?: string;
  learningRate?: number;
  weightDecay?: number;
  initScale?: number;
  seed?: number;
  steps?: number;
  logEvery?: number;
  dim?: number;
  /** Final α̂ (default 1/L). */
  alphaHat?: number;
  /** nfaCorr at the first and the last logged step. */
  corrStart?: number;
  corrEnd?: number;
  /** nfaCorrHalf at the end (default: 1 for L = 2, else corrEnd − 0.05). */
  corrHalf?: number;
  /** Per-step factor of imbalance (default (1 − ηλ)²) and its start. */
  imbalanceStart?: number;
  imbalanceFactor?: number;
  lossStart?: number;
  lossEnd?: number;
  nfaCorrBest?: number;
  /** Best-α centred correlation at the first and the last logged step. */
  centredStart?: number;
  centredEnd?: number;
  /** The stored quality flags (default: `not-fit` when lossEnd > 0.1 × lossStart, else none). */
  flags?: string[];
  /** The centred statistic of the random-layer baseline (default 0.02). */
  randomCentred?: number;
  finishedAt?: string;
  error?: string;
}

function matmul(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const k = b.length;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += (a[i]?.[t] ?? 0) * (b[t]?.[j] ?? 0);
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

/** gram = AᵀA for a seeded random A, and agop = gram^L, so that AGOP^{1/L} = gram exactly. */
export function balancedMatrices(dim: number, depth: number, seed: number) {
  const rnd = generator(seed + 1);
  const a = Array.from({ length: dim }, () => Array.from({ length: dim }, () => rnd() - 0.5));
  const at = a[0]!.map((_, j) => a.map((row) => row[j] as number));
  const gram = matmul(at, a);
  let agop = gram;
  for (let l = 1; l < depth; l++) agop = matmul(agop, gram);
  return { gram, agop };
}

export function makeRecord(o: MakeOptions): Record<string, unknown> {
  const depth = o.depth ?? 2;
  const eta = o.learningRate ?? 0.05;
  const lambda = o.weightDecay ?? 0;
  const steps = o.steps ?? 1000;
  const logEvery = o.logEvery ?? 100;
  const status = o.status ?? 'ok';
  const corrStart = o.corrStart ?? 0.999;
  const corrEnd = o.corrEnd ?? 0.9995;
  const imb0 = o.imbalanceStart ?? (o.init === 'balanced' || o.init === undefined ? 1e-7 : 2);
  const factor = o.imbalanceFactor ?? (1 - eta * lambda) ** 2;
  const loss0 = o.lossStart ?? 1;
  const loss1 = o.lossEnd ?? 1e-3;
  const alpha = o.alphaHat ?? 1 / depth;
  const history = [];
  for (let step = 0; step <= steps; step += logEvery) {
    const f = step / steps;
    history.push({
      step,
      time: f * 2,
      loss: loss0 * (loss1 / loss0) ** f,
      nfaCorr: corrStart + (corrEnd - corrStart) * f,
      nfaCorrHalf: (o.corrHalf ?? (depth === 2 ? corrEnd : corrEnd - 0.05)) * (0.9 + 0.1 * f),
      nfaPearson: corrStart + (corrEnd - corrStart) * f - 0.01,
      alphaHat: alpha,
      imbalance: imb0 * factor ** step,
      nfaCorrBest: Math.max(corrStart + (corrEnd - corrStart) * f, o.nfaCorrBest ?? 0),
      nfaCorrCentredBest:
        (o.centredStart ?? 0.5) + ((o.centredEnd ?? 0.99) - (o.centredStart ?? 0.5)) * f,
    });
  }
  const last = history[history.length - 1]!;
  const dim = o.dim ?? 4;
  const { gram, agop } = balancedMatrices(dim, depth, o.seed ?? 0);
  const config = {
    task: 'linear',
    inputDim: dim,
    outputDim: 3,
    samples: 64,
    depth,
    width: 8,
    activation: o.activation ?? 'linear',
    init: o.init ?? 'balanced',
    initScale: o.initScale ?? 0.5,
    optimizer: o.optimizer ?? 'gd',
    learningRate: eta,
    weightDecay: lambda,
    steps,
    logEvery,
    seed: o.seed ?? 0,
  };
  const base = {
    v: 2,
    id: o.id,
    sweep: 'test',
    experiment: o.experiment ?? 'depth',
    config,
    status,
    backend: 'cpu',
    engine: 'linear',
    host: 'test-host',
    finishedAt: o.finishedAt ?? '2026-01-01T00:00:00.000Z',
    timing: { seconds: 2, stepsPerSecond: steps / 2, metricsSeconds: 0.5 },
  };
  if (status === 'failed')
    return {
      ...base,
      error: o.error ?? 'worker crashed',
      history: [],
      final: null,
      flags: [],
      quality: { lossRatio: null, agopRank: 0 },
    };
  if (status === 'diverged') {
    return {
      ...base,
      error: o.error ?? 'loss became NaN at step 40',
      history: history.slice(0, 1),
      final: null,
      flags: [],
      quality: { lossRatio: null, agopRank: 0 },
    };
  }
  const lossRatio = loss1 / loss0;
  return {
    ...base,
    history,
    final: {
      ...last,
      alphaHatSpectral: alpha * 1.01,
      imbalanceRel: last.imbalance / 10,
      nfaCorrBest: o.nfaCorrBest ?? Math.max(corrEnd, last.nfaCorr),
      alphaHatCentred: alpha,
      baselines: {
        isotropicBest: 0.998,
        randomBest: 0.7,
        randomCentredBest: o.randomCentred ?? 0.02,
        initialBest: 0.8,
        initialCentredBest: o.centredStart ?? 0.5,
      },
      gram,
      agop,
    },
    flags: o.flags ?? (lossRatio > 0.1 ? ['not-fit'] : []),
    quality: { lossRatio, agopRank: dim },
  };
}

/** Records as the report reads them (its normaliser), from raw objects. */
export function normalize(raw: readonly Record<string, unknown>[]): RunRecord[] {
  return raw.map((r, i) => {
    const rec = toRecord(r, { file: 'set.jsonl', line: i + 1 });
    if (typeof rec === 'string') throw new Error(`test record ${i}: ${rec}`);
    return rec;
  });
}

/** JSONL text for a list of records. */
export function toJsonl(records: readonly Record<string, unknown>[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/**
 * A small results set in which every claim passes: 3 depths × 3 seeds balanced gd, unbalanced gd
 * with λ ∈ {0, 0.05} × 3 seeds (λ = 0.05 sheds its imbalance: emergence) and one short λ = 0.01
 * run, one adam run, 2 nonlinear runs (a lazy counterexample and a rich positive control), one
 * failed and one diverged run.
 */
export function passingSet(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const depth of [2, 3, 4]) {
    for (const seed of [0, 1, 2]) {
      out.push(makeRecord({ id: `bal-L${depth}-s${seed}`, depth, seed, experiment: 'depth' }));
    }
  }
  for (const weightDecay of [0, 0.05]) {
    for (const seed of [0, 1, 2]) {
      out.push(
        makeRecord({
          id: `unb-wd${weightDecay}-s${seed}`,
          experiment: 'weight-decay',
          init: 'gaussian',
          depth: 3,
          seed,
          weightDecay,
          learningRate: 0.05,
          steps: 2000,
          corrStart: 0.8,
          corrEnd: weightDecay > 0 ? 0.99 : 0.85,
        }),
      );
    }
  }
  // Too short for λ = 0.01 to shed its imbalance: slope checked, corr(1/L) only has to rise.
  out.push(
    makeRecord({
      id: 'unb-wd0.01-short',
      experiment: 'weight-decay',
      init: 'gaussian',
      depth: 3,
      weightDecay: 0.01,
      corrStart: 0.8,
      corrEnd: 0.9,
    }),
  );
  out.push(
    makeRecord({
      id: 'adam-L3',
      experiment: 'optimizers',
      optimizer: 'adam',
      depth: 3,
      alphaHat: 0.3,
    }),
  );
  out.push(
    makeRecord({
      id: 'relu-lazy',
      experiment: 'counterexamples',
      activation: 'relu',
      initScale: 10,
      lossEnd: 1e-5,
      corrStart: 0.5,
      corrEnd: 0.6,
      nfaCorrBest: 0.7,
      centredStart: 0.55,
      centredEnd: 0.6,
    }),
  );
  out.push(
    makeRecord({
      id: 'tanh-rich',
      experiment: 'counterexamples',
      activation: 'tanh',
      initScale: 0.1,
      lossEnd: 1e-5,
      nfaCorrBest: 0.98,
      centredStart: 0.1,
      centredEnd: 0.96,
    }),
  );
  out.push(
    makeRecord({
      id: 'failed-1',
      experiment: 'optimizers',
      status: 'failed',
      optimizer: 'sgd',
      depth: 6,
    }),
  );
  out.push(
    makeRecord({
      id: 'diverged-1',
      experiment: 'optimizers',
      status: 'diverged',
      optimizer: 'adam',
    }),
  );
  return out;
}
