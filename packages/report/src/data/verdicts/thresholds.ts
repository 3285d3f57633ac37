/**
 * Every threshold the verdicts use, in one place, each with the numbers that justify it
 * (measured on sweeps/full.yaml; see the README's "Reproducing the paper"). The rules shown on
 * the Overview and printed by `runner verdicts` are written from these values.
 */
export const THRESHOLDS = {
  /** Usable runs a group needs for a median with an interval (seeds). */
  minRuns: 3,
  /** Level of the bootstrap interval of a group's median over seeds. */
  confidence: 0.95,
  /** corr(1/L) a group's median must reach where the NFA is claimed to hold. */
  corrAtInverseDepth: 0.99,
  /** corr(1/L) − corr(1/2) at L ≥ 3: the exponent must matter, not only the direction. */
  halfGap: 0.01,
  /**
   * |fitted / theoretical imbalance decay rate − 1|. Measured: 0.994–1.03 for every group but
   * Gaussian σ = 1.2, λ = 0.001 at depths 6–8 (1.02–1.26 per run), where the O(η²) terms are as
   * large as the slow decay itself; half the rate (0.5) is far outside.
   */
  slopeTolerance: 0.2,
  /** Median final corr(1/L) of a group that shed its imbalance below `decayedImbalance`. */
  repairedCorr: 0.95,
  /** Imbalance left (final / initial) below which a λ > 0 group must have repaired the NFA. */
  decayedImbalance: 0.01,
  /**
   * Imbalance left below which a group must show the exponent itself (emergence). With 1% left,
   * α̂ still misses 1/L by up to 0.01 (Gaussian σ = 1.2, L = 7), half the gap to 1/(L+1).
   */
  emergedImbalance: 1e-3,
  /** Median corr(1/L) at step 0 below which the NFA does not hold at initialization. */
  notHoldingAtStart: 0.95,
  /**
   * λ = 0: every run must keep this fraction of its imbalance (conserved up to O(η²) per step).
   * Measured per-run minimum 0.883 (Gaussian σ = 1.2, L = 6); λ = 0.01 leaves 0.04–0.66.
   */
  keptImbalance: 0.85,
  /** Points of the imbalance curve below this fraction of the first are at the noise floor. */
  imbalanceFloor: 1e-5,
  /** A nonlinear net "fits" for the counterexample claim when final loss ≤ this × initial. */
  fitRatio: 1e-3,
  /**
   * Best-α centred correlation at or below which the NFA fails. Measured on full.yaml's nonlinear
   * nets: rich scale 0.25 → 0.90–0.97, scale 1 → 0.71–0.82, lazy scale 4 → 0.66–0.77, an
   * independent random first layer → −0.03…0.16, NFA holding exactly → 1.
   */
  centredCorr: 0.85,
  /** Thresholds at which the counterexample counts are shown, for both statistics. */
  sweepThresholds: [0.5, 0.7, 0.8, 0.85, 0.9, 0.95],
} as const;
