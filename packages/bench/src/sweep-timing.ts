import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../cli/dist/cli.js', import.meta.url));

/** The 16 canonical linear gd runs of the issue: d = 32, width 32, c = 8, n = 256, depth 4. */
export function canonicalRunsSpec(steps: number): string {
  return `name: canonical16
defaults: { task: linear, inputDim: 32, outputDim: 8, samples: 256, width: 32, depth: 4,
  init: balanced, initScale: 1, optimizer: gd, learningRate: 0.025, steps: ${steps}, logEvery: 100 }
experiments:
  runs:
    seeds: 16
`;
}

/** A few thousand tiny cells of 20 steps each: the orchestration's overhead per run. */
export function tinyCellsSpec(cells: number): string {
  return `name: tinycells
defaults: { task: linear, inputDim: 4, outputDim: 2, samples: 16, width: 4, depth: 2,
  steps: 20, logEvery: 100 }
experiments:
  tiny:
    seeds: ${cells}
`;
}

/**
 * Wall seconds of \`runner sweep <spec> --workers W [--cohort N]\` end to end (process start,
 * planning, training, writing records), into a fresh results directory each time.
 */
export function timeSweep(specText: string, workers: number, cohort: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'ansatz-bench-'));
  try {
    const spec = join(dir, 'spec.yaml');
    writeFileSync(spec, specText);
    const args = [CLI, 'sweep', spec, '--out', join(dir, 'out'), '--workers', String(workers)];
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...args, '--cohort', cohort], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`runner sweep failed (${r.status}): ${r.stderr.trim()}`);
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
