import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, errorCodeOf, resolveConfig } from '@ansatz/core';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import type { WorkerTask } from '../worker.js';
import { RunPool, sweepWorkerFile, workerFile } from './pool.js';
import { RunFailure } from './run-failure.js';

const FAULTY_WORKER = fileURLToPath(
  new URL('../../test-fixtures/faulty-worker.mjs', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'ansatz-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A linear run of a few milliseconds (closed-form engine: no TensorFlow.js). */
const task = (id: string, attempt = 0): WorkerTask => ({
  id,
  config: resolveConfig({ inputDim: 4, outputDim: 2, samples: 16, width: 4, steps: 10 }),
  backend: 'cpu',
  attempt,
});
const signal = new AbortController().signal;

describe('RunPool', () => {
  it("runs the runner's own worker by default", async () => {
    const pool = new RunPool(1);
    try {
      expect(pool.filename).toBe(workerFile());
      expect((await pool.run(task('a'), signal)).status).toBe('ok');
    } finally {
      await pool.destroy();
    }
  });

  it('runs the worker file it is given; core error codes arrive intact from the thread', async () => {
    // read by the fixture in its threads, which copy process.env when they start
    process.env['ANSATZ_FAULTY_UNAVAILABLE_ID'] = 'gone';
    process.env['ANSATZ_FAULTY_CRASH_ID'] = 'crash';
    const pool = new RunPool(1, FAULTY_WORKER);
    try {
      const failed = await pool.run(task('gone'), signal).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(RunFailure);
      expect(errorCodeOf(failed)).toBe(ERROR_CODES.backendUnavailable);
      // a crashed thread rejects its run and is replaced
      const crashed = await pool.run(task('crash'), signal).catch((e: unknown) => e);
      expect(crashed).toBeInstanceOf(Error);
      expect(errorCodeOf(crashed)).toBeUndefined();
      expect((await pool.run(task('crash', 1), signal)).status).toBe('ok');
    } finally {
      delete process.env['ANSATZ_FAULTY_UNAVAILABLE_ID'];
      delete process.env['ANSATZ_FAULTY_CRASH_ID'];
      await pool.destroy();
    }
  });
});

describe('sweepWorkerFile', () => {
  it("is the runner's own worker unless ANSATZ_WORKER_FILE names another, which it announces", () => {
    const warnings: string[] = [];
    const warn = (m: string) => void warnings.push(m);
    expect(sweepWorkerFile({}, warn)).toBe(workerFile());
    expect(sweepWorkerFile({ ANSATZ_WORKER_FILE: '' }, warn)).toBe(workerFile());
    expect(warnings).toEqual([]);
    expect(sweepWorkerFile({ ANSATZ_WORKER_FILE: FAULTY_WORKER }, warn)).toBe(FAULTY_WORKER);
    expect(warnings).toEqual([
      `ANSATZ_WORKER_FILE: this sweep runs on the worker ${FAULTY_WORKER}, not the runner's own`,
    ]);
  });

  it('a value that cannot be a worker is a UserError naming the variable and the value', () => {
    const ts = join(dir, 'worker.ts');
    writeFileSync(ts, '');
    for (const [value, why] of [
      [join(dir, 'missing.js'), 'no such file'],
      [dir, 'not a file'],
      [ts, 'not a JavaScript module (.js or .mjs)'],
    ] as const) {
      const select = () => sweepWorkerFile({ ANSATZ_WORKER_FILE: value }, () => {});
      expect(select).toThrow(UserError);
      expect(select).toThrow(
        `ANSATZ_WORKER_FILE=${value}: ${why}; it must name a built worker module`,
      );
    }
  });
});
