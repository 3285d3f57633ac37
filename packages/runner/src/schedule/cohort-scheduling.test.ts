import type { RunResult } from '@ansatz/core';
import { resolveConfig } from '@ansatz/core';
import { describe, expect, it } from 'vitest';
import { runId } from '../ids.js';
import type { Cell } from '../spec/expand.js';
import type { CohortTask, WorkerTask } from '../worker.js';
import { AUTO_COHORT_MAX, formCohorts, parseCohortFlag } from './cohorts.js';
import { Scheduler, type Outcome } from './scheduler.js';

function cell(seed: number, input: Record<string, unknown> = {}): Cell {
  const config = resolveConfig({ seed, ...input });
  return { id: runId(config), experiment: 'e', config, axes: { seed } };
}

const result = (seed: number): RunResult => ({
  status: 'ok',
  history: [],
  final: null,
  flags: [],
  quality: { lossRatio: seed, agopRank: 1 },
  timing: { seconds: 0, stepsPerSecond: 0, metricsSeconds: 0 },
  backend: 'none',
  engine: 'linear',
});

describe('formCohorts', () => {
  const a = [0, 1, 2, 3, 4].map((s) => cell(s));
  const b = [0, 1, 2].map((s) => cell(s, { depth: 3 }));
  const ref = [0, 1, 2].map((s) => cell(s, { engine: 'reference' }));

  it('groups cells of one shape in their order, at most N each, never mixing shapes', () => {
    const mixed = [a[0]!, b[0]!, a[1]!, a[2]!, b[1]!, a[3]!, b[2]!, a[4]!];
    const cohorts = formCohorts(mixed, 2, 1);
    expect(cohorts.map((c) => c.map((x) => x.id))).toEqual([
      [a[0]!.id, a[1]!.id],
      [b[0]!.id, b[1]!.id],
      [a[2]!.id, a[3]!.id],
      [b[2]!.id],
      [a[4]!.id],
    ]);
    expect(cohorts.flat()).toHaveLength(mixed.length);
    expect(formCohorts(mixed, 1, 2).map((c) => c.length)).toEqual(mixed.map(() => 1));
  });

  it('auto keeps every worker busy, caps the size, and leaves reference-engine cells alone', () => {
    expect(formCohorts(a, 'auto', 1).map((c) => c.length)).toEqual([5]);
    expect(formCohorts(a, 'auto', 2).map((c) => c.length)).toEqual([3, 2]);
    const many = Array.from({ length: 40 }, (_, s) => cell(s));
    expect(Math.max(...formCohorts(many, 'auto', 1).map((c) => c.length))).toBe(AUTO_COHORT_MAX);
    expect(formCohorts(ref, 'auto', 1).map((c) => c.length)).toEqual([1, 1, 1]);
    // Asked for explicitly, they still form (and train one after another in one task).
    expect(formCohorts(ref, 3, 1).map((c) => c.length)).toEqual([3]);
  });

  it('parses --cohort: auto or an integer ≥ 1', () => {
    expect(parseCohortFlag('auto')).toEqual({ size: 'auto' });
    expect(parseCohortFlag('8')).toEqual({ size: 8 });
    for (const bad of ['0', '-2', '1.5', 'big', ''])
      expect(parseCohortFlag(bad)).toMatchObject({ problem: expect.stringMatching(/--cohort/) });
  });
});

describe('Scheduler with cohorts', () => {
  const cells = [0, 1, 2, 3, 4].map((s) => cell(s));

  function schedule(fail: (task: CohortTask) => Error | null, retries = 1) {
    const done: [string, Outcome][] = [];
    const singles: WorkerTask[] = [];
    const fallbacks: string[] = [];
    const s = new Scheduler([cells.slice(0, 3), cells[3]!, [cells[4]!]], {
      workers: 2,
      retries,
      backend: 'auto',
      run: async (task) => {
        singles.push(task);
        if (task.id === cells[1]!.id) throw new Error('bad cell');
        return result(task.config.seed);
      },
      runCohort: async (task) => {
        const err = fail(task);
        if (err) throw err;
        return task.cells.map((c) => result(c.config.seed));
      },
      onCohortFallback: (cs, error) => fallbacks.push(`${cs.length}: ${error}`),
      onDone: (c, o) => done.push([c.id, o]),
      isFatal: (err) => (err as Error).message === 'fatal',
    });
    return { s, done, singles, fallbacks };
  }

  it('reports every cell of a cohort with its own result, once', async () => {
    const { s, done, singles } = schedule(() => null);
    expect(await s.run()).toBe('completed');
    expect(done.map(([id]) => id).sort()).toEqual(cells.map((c) => c.id).sort());
    for (const [id, o] of done) {
      const seed = cells.find((c) => c.id === id)!.config.seed;
      expect(o).toMatchObject({
        kind: 'result',
        attempts: 1,
        result: { quality: { lossRatio: seed } },
      });
    }
    expect(singles.map((t) => t.id).sort()).toEqual([cells[3]!.id, cells[4]!.id].sort());
  });

  it('a failing cohort falls back to per-cell attempts: only the bad cell fails', async () => {
    for (const retries of [0, 1]) {
      const { s, done, singles, fallbacks } = schedule(
        (t) => (t.cells.some((c) => c.id === cells[1]!.id) ? new Error('bad cell') : null),
        retries,
      );
      expect(await s.run()).toBe('completed');
      expect(fallbacks).toEqual(['3: bad cell']);
      const by = new Map(done);
      expect(by.size).toBe(5);
      expect(by.get(cells[0]!.id)).toMatchObject({ kind: 'result', attempts: 1 });
      expect(by.get(cells[2]!.id)).toMatchObject({ kind: 'result', attempts: 1 });
      expect(by.get(cells[1]!.id)).toMatchObject({ kind: 'failed', attempts: retries + 1 });
      const attemptsOfBad = singles.filter((t) => t.id === cells[1]!.id).map((t) => t.attempt);
      expect(attemptsOfBad).toEqual(retries === 0 ? [0] : [0, 1]);
    }
  });

  it('a fatal error in a cohort stops the sweep without falling back', async () => {
    const { s, fallbacks } = schedule(() => new Error('fatal'));
    expect(await s.run()).toBe('aborted');
    expect(s.fatalError).toBe('fatal');
    expect(fallbacks).toEqual([]);
  });
});
