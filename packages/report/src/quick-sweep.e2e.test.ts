import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alphaHat, nfaCorr } from '@ansatz/core';
import { Matrix } from 'ml-matrix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build-site.js';
import { loadResultsDirs } from './data/load.js';
import { psdPower } from './data/matrix-power.js';
import { deriveFlags } from './data/quality.js';
import type { RunRecord } from './data/record.js';
import { computeVerdicts } from './data/verdicts/index.js';
import type { Verdict, VerdictKey } from './data/verdicts/types.js';
import { latexLikeInSite } from './test-support/latex-like.js';

// The paper's story as sweeps/quick.yaml tells it: run the real sweep with the real CLI, compute
// the site's verdicts, then change the real records the way a false claim would and check that
// no verdict passes them (DESIGN.md §4).
const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'packages/cli/dist/cli.js');
let out = '';
let records: RunRecord[] = [];
let verdicts: Verdict[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'ansatz-quick-'));
  execFileSync(process.execPath, [cli, 'sweep', join(root, 'sweeps/quick.yaml'), '--out', out], {
    stdio: 'pipe',
    timeout: 600_000,
  });
  const loaded = await loadResultsDirs([out]);
  expect(loaded.issues).toEqual([]);
  records = loaded.records;
  verdicts = computeVerdicts(records);
}, 600_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const verdict = (key: VerdictKey) => {
  const v = verdicts.find((x) => x.key === key);
  if (!v) throw new Error(`no verdict ${key}`);
  return v;
};
const statesOf = (rs: readonly RunRecord[]) =>
  Object.fromEntries(computeVerdicts(rs).map((v) => [v.key, v.state])) as Record<
    VerdictKey,
    string
  >;
const depthOf = (r: RunRecord) => r.config['depth'] as number;
const isLinearGd = (r: RunRecord) =>
  r.config['activation'] === 'linear' && r.config['optimizer'] === 'gd';

describe('sweeps/quick.yaml reproduces the paper', () => {
  it('depth dependence: the interval of α̂ excludes 1/(L±1) at every depth of the spec', () => {
    const v = verdict('depth');
    expect(v.state, v.summary).toBe('pass');
    expect(v.table.rows.map((r) => r[0])).toEqual([2, 3, 4, 6, 8]);
  });

  it('emergence: from a Gaussian start, weight decay makes α = 1/L appear', () => {
    const v = verdict('emergence');
    expect(v.state, v.summary).toBe('pass');
  });

  it('weight decay repairs unbalanced starts at the predicted rate; without it nothing changes', () => {
    const v = verdict('weight-decay');
    expect(v.state, v.summary).toBe('pass');
  });

  it('a nonlinear net fits its data while the NFA fails, against a rich positive control', () => {
    const v = verdict('counterexamples');
    expect(v.state, v.summary).toBe('pass');
  });

  it('reports every optimizer of the spec', () => {
    const names = verdict('optimizers').table.rows.map((r) => String(r[0]));
    for (const o of ['gd', 'sgd', 'momentum', 'adam', 'rmsprop']) expect(names).toContain(o);
  });

  it('the report derives the same quality flags as core stored', () => {
    for (const r of records) {
      expect(deriveFlags(r).sort(), r.id).toEqual([...r.flags].sort());
    }
  });

  it('every record carries the baselines, and the random layer scores near 0 on ρ', () => {
    for (const r of records.filter((x) => x.status === 'ok')) {
      const b = r.final?.baselines;
      expect(b, r.id).toBeTruthy();
      expect(Math.abs(b!.randomCentredBest ?? 1), r.id).toBeLessThan(0.5);
    }
  });
});

describe('the quick site', () => {
  it('shows no raw LaTeX-like text (^{…}, _l, \\cmd) on any page', async () => {
    const site = join(out, 'site');
    await buildSite({ dirs: [out], outDir: site, base: '/', quiet: true });
    expect(latexLikeInSite(site)).toEqual([]);
  }, 300_000);
});

describe('counterfactuals on the real records never pass', () => {
  /**
   * The records as if W1ᵀW1 were AGOP^{1/(L+1)}: the final gram replaced, and the final metrics
   * that depend on it recomputed by core from the stored AGOP.
   */
  it('W1ᵀW1 = AGOP^{1/(L+1)} fails depth and emergence', () => {
    const changed = records.map((r) => {
      if (!isLinearGd(r) || r.status !== 'ok' || !r.final?.agop) return r;
      const L = depthOf(r);
      const agop = new Matrix(r.final.agop);
      const gram = new Matrix(psdPower(r.final.agop, 1 / (L + 1)));
      const best = alphaHat(gram, agop);
      const final = {
        ...r.final,
        gram: gram.to2DArray(),
        alphaHat: best.alpha,
        nfaCorrBest: best.corr,
        nfaCorr: nfaCorr(gram, agop, 1 / L),
        nfaCorrHalf: nfaCorr(gram, agop, 0.5),
      };
      return { ...r, final };
    });
    const s = statesOf(changed);
    expect(s.depth).toBe('fail');
    expect(s.emergence).toBe('fail');
  });

  it('untrained networks (steps: 0) are evidence for nothing', async () => {
    const spec = readFileSync(join(root, 'sweeps/quick.yaml'), 'utf8')
      .replace(/^name: quick$/m, 'name: untrained')
      .replace(/^( {2}steps:) \d+$/m, '$1 0')
      .replace(/^( {6}steps:) \d+$/m, '$1 0');
    const dir = mkdtempSync(join(tmpdir(), 'ansatz-untrained-'));
    try {
      writeFileSync(join(dir, 'untrained.yaml'), spec);
      execFileSync(
        process.execPath,
        [cli, 'sweep', join(dir, 'untrained.yaml'), '--out', join(dir, 'r')],
        {
          stdio: 'pipe',
          timeout: 300_000,
        },
      );
      const rs = (await loadResultsDirs([join(dir, 'r')])).records;
      expect(rs.length).toBe(records.length);
      expect(rs.every((r) => r.config['steps'] === 0 && r.flags.includes('not-fit'))).toBe(true);
      const s = statesOf(rs);
      for (const key of ['depth', 'emergence', 'weight-decay', 'counterexamples'] as const) {
        expect(s[key], key).toBe('not-enough-data');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('a depth whose runs all diverged does not pass', () => {
    const changed = records.map((r) =>
      isLinearGd(r) && r.config['init'] === 'balanced' && depthOf(r) === 8
        ? { ...r, status: 'diverged' as const, final: null, flags: [] }
        : r,
    );
    expect(statesOf(changed).depth).toBe('not-enough-data');
  });

  it('collapsed nets are evidence for nothing', () => {
    const changed = records.map((r) =>
      r.status === 'ok' ? { ...r, flags: [...r.flags, 'collapsed' as const] } : r,
    );
    const s = statesOf(changed);
    for (const key of ['depth', 'emergence', 'weight-decay', 'counterexamples'] as const) {
      expect(s[key], key).toBe('not-enough-data');
    }
  });

  it('an imbalance that decays at half the theoretical rate fails the weight-decay verdict', () => {
    const changed = records.map((r) => {
      const lambda = r.config['weightDecay'] as number;
      if (!isLinearGd(r) || r.config['init'] === 'balanced' || !(lambda > 0)) return r;
      // ln(imbalance) halved around its first value: the same curve decaying at half the rate.
      const i0 = r.history[0]!.imbalance!;
      const half = (v: number | null) => (v === null ? null : Math.sqrt(v * i0));
      return {
        ...r,
        history: r.history.map((h) => ({ ...h, imbalance: half(h.imbalance) })),
        final: r.final ? { ...r.final, imbalance: half(r.final.imbalance) } : null,
      };
    });
    expect(statesOf(changed)['weight-decay']).toBe('fail');
  });
});
