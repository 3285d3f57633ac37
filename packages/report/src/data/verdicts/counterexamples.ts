/** Claim 3: nonlinear nets can fit their data while no α makes W1ᵀW1 ∝ AGOP^α. */
import { cfgNum, cfgStr, finite, type RunRecord } from '../record.js';
import { isLinear, usable } from './select.js';
import { THRESHOLDS } from './thresholds.js';
import { fmt, fmtE, type Verdict } from './types.js';

export interface Counterexample {
  id: string;
  experiment: string;
  activation: string;
  initScale: number;
  depth: number;
  lossRatio: number;
  /** Best-α centred correlation: the statistic judged. */
  centred: number;
  /** Best-α plain cosine, and what an isotropic and a random first layer score on it. */
  plain: number | null;
  isotropic: number | null;
  random: number | null;
  randomCentred: number | null;
  initialCentred: number | null;
}

/** The nonlinear slice's usable runs (fitted, judgeable) and its counterexamples. */
export function findCounterexamples(records: readonly RunRecord[]) {
  const T = THRESHOLDS;
  const slice = records.filter((r) => !isLinear(r));
  const fitted = usable(slice, ['collapsed', 'alpha-unidentifiable'], {
    reason: `did not fit to ${T.fitRatio} of the initial loss`,
    keep: (r) => r.lossRatio !== null && r.lossRatio <= T.fitRatio,
  });
  const judged = fitted.kept.filter((r) => finite(r.final?.nfaCorrCentredBest) !== null);
  const unjudged = fitted.kept.length - judged.length;
  const all: Counterexample[] = judged.map((r) => {
    const b = r.final?.baselines ?? null;
    return {
      id: r.id,
      experiment: r.experiment,
      activation: cfgStr(r, 'activation'),
      initScale: cfgNum(r, 'initScale'),
      depth: cfgNum(r, 'depth'),
      lossRatio: r.lossRatio as number,
      centred: r.final!.nfaCorrCentredBest as number,
      plain: finite(r.final?.nfaCorrBest),
      isotropic: b?.isotropicBest ?? null,
      random: b?.randomBest ?? null,
      randomCentred: b?.randomCentredBest ?? null,
      initialCentred: b?.initialCentredBest ?? null,
    };
  });
  const found = all.filter((c) => c.centred <= T.centredCorr).sort((a, b) => a.centred - b.centred);
  return { slice, judged: all, found, unjudged, excluded: fitted.excluded };
}

export function counterexampleVerdict(records: readonly RunRecord[]): Verdict {
  const T = THRESHOLDS;
  const { slice, judged, found, unjudged, excluded } = findCounterexamples(records);
  const controls = judged.filter((c) => c.centred > T.centredCorr);
  const median = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return v.length === 0 ? null : v[Math.floor(v.length / 2)]!;
  };
  const rule =
    `Nonlinear (activation ≠ linear) ok runs that fit (final loss ≤ ${T.fitRatio} × initial), not ` +
    `collapsed, with an identifiable α. The statistic is the best-α centred correlation ρ: the cosine of ` +
    `W1ᵀW1 and AGOP^α after removing each one's multiple of the identity, maximised over α ∈ [0.02, 2]. ` +
    `(The plain cosine has a high floor: an isotropic W1ᵀW1 = I scores 0.996–0.999 on it against these ` +
    `AGOPs, and an independent random first layer about 0.7; on ρ the isotropic layer scores 0 and the ` +
    `random one about 0.) A counterexample has ρ ≤ ${T.centredCorr}. Pass if there is at least one, and ` +
    `the same sweep has fitted nets with ρ > ${T.centredCorr} (a positive control: the statistic can ` +
    `register alignment in this task, so a low ρ is about the nets).`;
  const thresholdsTable = {
    columns: ['threshold', 'counterexamples on ρ (centred)', 'on the plain cosine'],
    rows: T.sweepThresholds.map((t) => [
      t,
      judged.filter((c) => c.centred <= t).length,
      judged.filter((c) => c.plain !== null && c.plain <= t).length,
    ]),
  };
  const baselines = {
    columns: ['baseline (median over the judged runs)', 'plain cosine', 'centred ρ'],
    rows: [
      [
        'trained first layer (the runs themselves)',
        median(judged.map((c) => c.plain)),
        median(judged.map((c) => c.centred)),
      ],
      ['isotropic W1ᵀW1 = I', median(judged.map((c) => c.isotropic)), 0],
      [
        'independent random first layer',
        median(judged.map((c) => c.random)),
        median(judged.map((c) => c.randomCentred)),
      ],
      ['the net’s own first layer at step 0', null, median(judged.map((c) => c.initialCentred))],
    ],
  };
  const base = {
    key: 'counterexamples' as const,
    title: 'Counterexamples: nonlinear nets that fit while the NFA fails',
    rule,
    scope:
      'The counts depend on the threshold; the table below gives them at several, for both statistics. ' +
      'A counterexample shows that the NFA is not a law of every trained net; it says nothing about ' +
      'how common such nets are outside this sweep.',
    exclusions: excluded,
    table: {
      columns: [
        'run',
        'activation',
        'L',
        'init scale',
        'loss end/start',
        'ρ (centred)',
        'ρ at step 0',
        'ρ random layer',
        'plain cosine',
      ],
      rows: found.map((c) => [
        c.id,
        c.activation,
        c.depth,
        c.initScale,
        c.lossRatio,
        c.centred,
        c.initialCentred,
        c.randomCentred,
        c.plain,
      ]),
    },
    extra: [
      { title: 'Counterexamples at other thresholds', table: thresholdsTable },
      { title: 'Baselines: what first layers that learned nothing score', table: baselines },
    ],
  };
  if (judged.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary:
        unjudged > 0
          ? `${unjudged} fitted nonlinear run(s) lack the centred statistic (records older than version 2): run the sweep again.`
          : `No usable fitted nonlinear runs (${slice.length} in the slice, ${excluded.total} left out).`,
    };
  }
  if (found.length === 0) {
    return {
      ...base,
      state: 'fail',
      summary: `All ${judged.length} fitted nonlinear runs have ρ > ${T.centredCorr} (lowest ${fmt(Math.min(...judged.map((c) => c.centred)))}): no counterexample.`,
    };
  }
  if (controls.length === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      summary: `${found.length} fitted run(s) have ρ ≤ ${T.centredCorr}, but none has ρ above it: without a positive control a low ρ could be the statistic's, not the nets'. Add a rich (small-scale) initialization.`,
    };
  }
  const c = found[0]!;
  return {
    ...base,
    state: 'pass',
    summary:
      `${found.length} of ${judged.length} fitted nonlinear runs have ρ ≤ ${T.centredCorr} ` +
      `(${fmt(found[0]!.centred)}–${fmt(found[found.length - 1]!.centred)}), against ${fmt(Math.min(...controls.map((x) => x.centred)))}–${fmt(Math.max(...controls.map((x) => x.centred)))} for the other ${controls.length}; ` +
      `the lowest fits to ×${fmtE(c.lossRatio)} of its initial loss (${c.activation}, L = ${c.depth}, init scale ${c.initScale}).`,
  };
}
