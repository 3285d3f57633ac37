import type { RunResult } from '@ansatz/core';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '@ansatz/core';
import { runId } from '../ids.js';
import type { Cell } from '../spec/expand.js';
import type { WorkerTask } from '../worker.js';
import { Scheduler, type Outcome } from './scheduler.js';

function cell(seed: number): Cell {
  const config = resolveConfig({ seed });
  return { id: runId(config), experiment: 'e', config, axes: { seed } };
}

const okResult = (): RunResult => ({
  status: 'ok',
  history: [],
  final: null,
  flags: [],
  quality: { lossRatio: null, agopRank: 1 },
  timing: { seconds: 0, stepsPerSecond: 0, metricsSeconds: 0 },
  backend: 'cpu',
  engine: 'linear',
});

describe('Scheduler', () => {
  it('runs each cell once, never more than `workers` at a time, retrying throws then failing', async () => {
    const cells = [0, 1, 2, 3, 4, 5].map(cell);
    const flaky = cells[1]!.id; // throws once, then succeeds
    const broken = cells[2]!.id; // always throws
    let active = 0;
    let peak = 0;
    const calls: WorkerTask[] = [];
    const done: [string, Outcome][] = [];
    const s = new Scheduler(cells, {
      workers: 2,
      retries: 1,
      backend: 'cpu',
      run: async (task) => {
        calls.push(task);
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 1));
        active--;
        if (task.id === broken || (task.id === flaky && task.attempt === 0))
          throw new Error(`boom ${task.attempt}`);
        return okResult();
      },
      onDone: (c, o) => done.push([c.id, o]),
    });
    expect(await s.run()).toBe('completed');
    expect(peak).toBe(2);
    expect(done).toHaveLength(6);
    const by = new Map(done);
    expect(by.get(flaky)).toMatchObject({ kind: 'result', attempts: 2 });
    expect(by.get(broken)).toMatchObject({ kind: 'failed', error: 'boom 1', attempts: 2 });
    expect(calls.filter((t) => t.id === broken).map((t) => t.attempt)).toEqual([0, 1]);
  });

  it('asks every run for its weights when keepWeights is set, and only then', async () => {
    for (const keepWeights of [true, false]) {
      const calls: WorkerTask[] = [];
      const s = new Scheduler([0, 1].map(cell), {
        workers: 1,
        retries: 0,
        backend: 'cpu',
        keepWeights,
        run: async (task) => {
          calls.push(task);
          return okResult();
        },
        onDone: () => {},
      });
      await s.run();
      expect(calls.map((t) => t.keepWeights === true)).toEqual([keepWeights, keepWeights]);
    }
  });

  it('stop() starts nothing new but lets in-flight runs finish', async () => {
    const cells = [0, 1, 2, 3].map(cell);
    const done: string[] = [];
    const s: Scheduler = new Scheduler(cells, {
      workers: 1,
      retries: 0,
      backend: 'cpu',
      run: async () => {
        s.stop();
        await new Promise((r) => setTimeout(r, 1));
        return okResult();
      },
      onDone: (c) => done.push(c.id),
    });
    expect(await s.run()).toBe('stopped');
    expect(done).toEqual([cells[0]!.id]);
  });

  it('stops at the first fatal error without retrying or reporting it', async () => {
    const done: string[] = [];
    let calls = 0;
    const s = new Scheduler([0, 1, 2, 3].map(cell), {
      workers: 1,
      retries: 3,
      backend: 'tensorflow',
      run: async () => {
        calls++;
        throw Object.assign(new Error('TensorFlow.js backend "tensorflow" is not available'), {
          code: 'FATAL',
        });
      },
      isFatal: (e) => (e as { code?: string }).code === 'FATAL',
      onDone: (c) => done.push(c.id),
    });
    expect(await s.run()).toBe('aborted');
    expect(calls).toBe(1);
    expect(done).toEqual([]);
    expect(s.fatalError).toMatch(/"tensorflow" is not available/);
  });

  it('abort() abandons in-flight runs without reporting them', async () => {
    const done: string[] = [];
    const s = new Scheduler([0, 1].map(cell), {
      workers: 2,
      retries: 3,
      backend: 'cpu',
      run: (_task, signal) =>
        new Promise<RunResult>((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      onDone: (c) => done.push(c.id),
    });
    const end = s.run();
    setTimeout(() => s.abort(), 1);
    expect(await end).toBe('aborted');
    expect(done).toEqual([]);
  });
});
