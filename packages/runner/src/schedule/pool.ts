import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RunResult } from '@ansatz/core';
import type { WorkerTask } from '../worker.js';
import { fromWorker } from './run-failure.js';

/**
 * The built worker, resolved from the package root so that it is the compiled JS both when
 * this module runs from dist/ and when it is imported from src/ (tests): both are two levels
 * below the package root.
 */
export function workerFile(): string {
  return fileURLToPath(new URL('../../dist/worker.js', import.meta.url));
}

/** Default number of worker threads: one per available core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** A fixed-size pool of worker threads running `worker.ts`; a crashed thread is replaced. */
export class RunPool {
  private readonly pool: Piscina<WorkerTask, RunResult>;

  constructor(readonly workers: number) {
    this.pool = new Piscina<WorkerTask, RunResult>({
      filename: workerFile(),
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
  }

  /** Rejects with a RunFailure (message, stack and code) when the run throws. */
  run(task: WorkerTask, signal: AbortSignal): Promise<RunResult> {
    return this.pool.run(task, { signal }).catch((err: unknown) => {
      throw fromWorker(err);
    });
  }

  /** Stop every thread (in-flight runs are abandoned). */
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
