import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './test-support/run-cli.js';

// `runner verdicts` as a CI gate: exit 0 only when every claim passes, 1 when one fails or lacks
// data, 2 on bad input. Runs the real quick sweep (a few seconds) for data where every claim holds.
const QUICK = resolve(ROOT, 'sweeps/quick.yaml');
let results = '';

beforeAll(async () => {
  results = join(tempDir('ansatz-verdicts-'), 'quick');
  const sweep = await runCli(['sweep', QUICK, '--out', results]);
  expect(sweep.code, sweep.stderr).toBe(0);
}, 300_000);

describe('runner verdicts', () => {
  it('exits 0 and says so when every claim passes', async () => {
    const r = await runCli(['verdicts', results]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('[PASS] Depth dependence');
    expect(r.stdout).toContain('Every claim passes.');
  });

  it('prints every claim with its state, numbers, rule and exclusions as JSON', async () => {
    const r = await runCli(['verdicts', results, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      pass: boolean;
      verdicts: { key: string; state: string; rule: string; exclusions: { total: number } }[];
    };
    expect(report.pass).toBe(true);
    expect(report.verdicts.map((v) => [v.key, v.state])).toEqual([
      ['depth', 'pass'],
      ['emergence', 'pass'],
      ['weight-decay', 'pass'],
      ['counterexamples', 'pass'],
      ['optimizers', 'info'],
    ]);
    for (const v of report.verdicts) {
      expect(v.rule.length).toBeGreaterThan(20);
      expect(typeof v.exclusions.total).toBe('number');
    }
  });

  it('exits 1 when a claim lacks data (only the nonlinear runs)', async () => {
    const dir = join(tempDir('ansatz-verdicts-part-'), 'nonlinear');
    mkdirSync(dir);
    const lines = readdirSync(results)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(results, f), 'utf8').split('\n'))
      .filter((l) => l.includes('"activation":"relu"') || l.includes('"activation":"tanh"'));
    expect(lines.length).toBeGreaterThan(0);
    writeFileSync(join(dir, 'part.jsonl'), lines.join('\n') + '\n');
    const r = await runCli(['verdicts', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[NOT ENOUGH DATA] Depth dependence');
    expect(r.stdout).toContain('Not every claim passes.');
  });

  it('exits 2 with one message per bad directory, no stack trace', async () => {
    const empty = tempDir('ansatz-verdicts-empty-');
    const r = await runCli(['verdicts', join(empty, 'missing'), empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('results directory does not exist');
    expect(r.stderr).toContain('no *.jsonl result files yet');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
