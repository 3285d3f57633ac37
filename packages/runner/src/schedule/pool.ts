import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RunResult } from '@ansatz/core';
import { UserError } from '../errors.js';
import type { CohortTask, WorkerTask } from '../worker.js';
import { fromWorker } from './run-failure.js';

/**
 * The built worker, resolved from the package root so that it is the compiled JS both when
 * this module runs from dist/ and when it is imported from src/ (tests): both are two levels
 * below the package root.
 */
export function workerFile(): string {
  return fileURLToPath(new URL('../../dist/worker.js', import.meta.url));
}

/**
 * Names another worker file for `runner sweep`: for the runner's own tests, which run sweeps on
 * a worker that crashes or throws on purpose (test-fixtures/faulty-worker.mjs). Not for users,
 * so not in the README; named plainly, and announced on stderr whenever it is in effect.
 */
export const WORKER_FILE_ENV = 'ANSATZ_WORKER_FILE';

/**
 * The worker file a sweep runs: the runner's own, or the one `ANSATZ_WORKER_FILE` names (an
 * empty value counts as unset), which is announced with `warn`. A value that cannot be a
 * worker is a UserError naming it.
 */
export function sweepWorkerFile(
  env: NodeJS.ProcessEnv = process.env,
  warn = (message: string) => void process.stderr.write(`warning: ${message}\n`),
): string {
  const value = env[WORKER_FILE_ENV];
  if (value === undefined || value === '') return workerFile();
  const path = resolve(value);
  const stat = statSync(path, { throwIfNoEntry: false });
  const why =
    stat === undefined
      ? 'no such file'
      : !stat.isFile()
        ? 'not a file'
        : !['.js', '.mjs'].includes(extname(path))
          ? 'not a JavaScript module (.js or .mjs)'
          : undefined;
  if (why === undefined) {
    warn(`${WORKER_FILE_ENV}: this sweep runs on the worker ${path}, not the runner's own`);
    return path;
  }
  throw new UserError(
    `${WORKER_FILE_ENV}=${value}: ${why}; it must name a built worker module whose default export runs one task, or be unset to use the runner's own worker`,
  );
}

/** Default number of worker threads: one per available core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A fixed-size pool of worker threads, each running `filename` (by default the runner's own
 * worker, `worker.ts`); a crashed thread is replaced.
 */
export class RunPool {
  private readonly pool: Piscina<WorkerTask | CohortTask, RunResult | RunResult[]>;

  constructor(
    readonly workers: number,
    readonly filename: string = workerFile(),
  ) {
    this.pool = new Piscina<WorkerTask | CohortTask, RunResult | RunResult[]>({
      filename,
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
  }

  /** Rejects with a RunFailure (message, stack and code) when the run throws. */
  run(task: WorkerTask, signal: AbortSignal): Promise<RunResult> {
    return this.pool.run(task, { signal }).then(
      (r) => r as RunResult,
      (err: unknown) => {
        throw fromWorker(err);
      },
    );
  }

  /** A cohort as one task: one result per cell, in order; rejects as `run` does. */
  runCohort(task: CohortTask, signal: AbortSignal): Promise<RunResult[]> {
    return this.pool.run(task, { signal }).then(
      (r) => r as RunResult[],
      (err: unknown) => {
        throw fromWorker(err);
      },
    );
  }

  /** Stop every thread (in-flight runs are abandoned). */
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
