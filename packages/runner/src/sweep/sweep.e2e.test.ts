// End-to-end: the built CLI runs real (tiny) training runs. Sharding, worker counts, shard
// environment variables, incremental re-runs, status and export.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSameResults, recordsOf } from '../test-support/compare.js';
import { RECORD_VERSION } from '../ids.js';
import { rawLines, runCli, tempDir, tinySpec, writeText } from '../test-support/harness.js';

const mul = (a: number[][], b: number[][]): number[][] =>
  a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const transpose = (a: number[][]): number[][] => a[0]!.map((_, j) => a.map((row) => row[j]!));

let dir: string;
let spec: string;
let refDir: string;

beforeAll(async () => {
  dir = tempDir();
  spec = writeText(dir, 'tiny.yaml', tinySpec());
  refDir = join(dir, 'ref');
  // The reference: every cell trained alone; the other sweeps below train cohorts (auto).
  const r = await runCli(['sweep', spec, '--out', refDir, '--workers', '2', '--cohort', '1']);
  expect(r.code, r.stderr).toBe(0);
});

const dryRun = async (args: string[], env: Record<string, string> = {}) => {
  const r = await runCli(['sweep', ...args, '--dry-run', '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    mine: string[];
    toRun: { id: string }[];
    shard: { index: number; count: number };
  };
};

describe('runner sweep', () => {
  it('runs every cell once, one whole line each, with a spec snapshot', () => {
    const lines = rawLines(refDir);
    expect(lines).toHaveLength(9); // 2 depths × 2 inits × 2 seeds + 2 optimizers − 1 shared cell
    const ids = lines.map((l) => (JSON.parse(l.text) as { id: string }).id);
    expect(new Set(ids).size).toBe(9);
    const snap = JSON.parse(readFileSync(join(refDir, 'spec.json'), 'utf8')) as {
      experiments: Record<string, { ids: string[] }>;
    };
    expect(snap.experiments['depth']!.ids).toHaveLength(8);
    expect(readFileSync(join(refDir, 'spec.yaml'), 'utf8')).toBe(tinySpec());
  });

  it('3 shards (two running at once into one directory, 1 worker each, cohorts of up to 3) = the unsharded 2-worker run of cells alone', async () => {
    const shDir = join(dir, 'sharded');
    const run = (i: number) =>
      runCli([
        'sweep',
        spec,
        '--out',
        shDir,
        '--workers',
        '1',
        '--shard',
        `${i}/3`,
        '--cohort',
        '3',
      ]);
    const [a, b] = await Promise.all([run(0), run(1)]);
    const c = await run(2);
    for (const r of [a, b, c]) expect(r.code, r.stderr).toBe(0);
    const lines = rawLines(shDir);
    expect(new Set(lines.map((l) => l.file)).size).toBe(3); // every writer has its own file
    for (const l of lines) expect(() => JSON.parse(l.text)).not.toThrow();
    expect(lines).toHaveLength(9); // no id run twice
    expectSameResults(await recordsOf(refDir), await recordsOf(shDir));
  });

  it('Slurm and Kubernetes environment variables select the same shard as --shard', async () => {
    const flag = await dryRun([spec, '--out', refDir, '--shard', '1/3']);
    expect(flag.mine.length).toBeGreaterThan(0);
    const envs: Record<string, string>[] = [
      { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3' },
      { SLURM_ARRAY_TASK_ID: '11', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_MAX: '12' },
      { JOB_COMPLETION_INDEX: '1', ANSATZ_SHARD_COUNT: '3' },
    ];
    for (const env of envs) {
      const viaEnv = await dryRun([spec, '--out', refDir], env);
      expect(viaEnv.shard).toMatchObject({ index: 1, count: 3 });
      expect(viaEnv.mine).toEqual(flag.mine);
    }
    const k8sFlag = await dryRun([spec, '--out', refDir, '--shard-count', '3'], {
      JOB_COMPLETION_INDEX: '1',
    });
    expect(k8sFlag.mine).toEqual(flag.mine);
  });

  it('adding an axis value runs only the new cells; changing a default makes new ids', async () => {
    const incDir = join(dir, 'incremental');
    cpSync(refDir, incDir, { recursive: true });
    const wider = writeText(dir, 'wider.yaml', tinySpec({ depths: [2, 3, 4] }));
    const plan = await dryRun([wider, '--out', incDir]);
    expect(plan.toRun).toHaveLength(4); // depth 4 × 2 inits × 2 seeds
    const r = await runCli(['sweep', wider, '--out', incDir, '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const lines = rawLines(incDir);
    expect(lines).toHaveLength(13);
    expect(new Set(lines.map((l) => (JSON.parse(l.text) as { id: string }).id)).size).toBe(13);
    const again = await runCli(['sweep', wider, '--out', incDir]);
    expect(again.stdout).toMatch(/nothing to run, all 13 cells done/);
    const longer = writeText(dir, 'longer.yaml', tinySpec({ steps: 41 }));
    expect((await dryRun([longer, '--out', incDir])).toRun).toHaveLength(9);
  });

  it('--save-weights stores final weights that reproduce the AGOP; records carry flags and quality', async () => {
    const wDir = join(dir, 'weights');
    const r = await runCli(['sweep', spec, '--out', wDir, '--workers', '2', '--save-weights']);
    expect(r.code, r.stderr).toBe(0);
    const withWeights = await recordsOf(wDir);
    // The same cells (weights are not part of a cell's id) with the same numbers.
    expectSameResults(await recordsOf(refDir), withWeights);
    for (const rec of (await recordsOf(refDir)).values()) expect(rec.weights).toBeUndefined();
    for (const rec of withWeights.values()) {
      expect(rec.v).toBe(RECORD_VERSION);
      expect(rec.status).toBe('ok');
      expect(Array.isArray(rec.flags)).toBe(true);
      expect(rec.quality!.agopRank).toBe(2);
      const ws = rec.weights!;
      expect(ws).toHaveLength(rec.config.depth);
      // A linear net: AGOP = WᵀW for W = W_L⋯W_1, recomputed in float64 from the stored weights.
      const w = ws.slice(1).reduce((acc, layer) => mul(layer, acc), ws[0]!);
      const agop = mul(transpose(w), w);
      const ref = rec.final!.agop;
      let err = 0;
      let norm = 0;
      ref.forEach((row, i) =>
        row.forEach((v, j) => {
          err += (v - agop[i]![j]!) ** 2;
          norm += v * v;
        }),
      );
      expect(Math.sqrt(err / norm)).toBeLessThan(1e-12);
    }
  });

  it('dry-run and status count per experiment; export writes one row per run with config and final metrics', async () => {
    const st = await runCli(['status', spec, '--out', refDir, '--json']);
    expect(st.code, st.stderr).toBe(0);
    const s = JSON.parse(st.stdout) as {
      experiments: { name: string; cells: number; ok: number; missing: number }[];
    };
    expect(s.experiments).toEqual([
      expect.objectContaining({ name: 'depth', cells: 8, ok: 8, missing: 0 }),
      expect.objectContaining({ name: 'optimizers', cells: 2, ok: 2, missing: 0 }),
    ]);
    const dry = await runCli(['sweep', spec, '--out', refDir, '--dry-run']);
    expect(dry.stdout).toMatch(/^depth\s+8\s+8\s+0$/m);
    expect(dry.stdout).toMatch(/^total \(unique ids\)\s+9\s+9\s+0$/m);
    const out = join(dir, 'runs.csv');
    const ex = await runCli(['export', refDir, '--out', out]);
    expect(ex.code, ex.stderr).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    const cols = header!.split(',');
    expect(rows).toHaveLength(9);
    for (const c of [
      'id',
      'experiment',
      'status',
      'depth',
      'optimizer',
      'learningRate',
      'nfaCorr',
      'alphaHat',
      'loss',
    ]) {
      expect(cols).toContain(c);
    }
    expect(cols).not.toContain('gram');
    const shared = rows.find((row) => row.includes('depth;optimizers'));
    expect(shared).toBeDefined(); // the cell in both experiments is one row naming both
  });
});
