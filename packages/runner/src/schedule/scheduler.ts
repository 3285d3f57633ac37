import type { BackendName, RunResult } from '@ansatz/core';
import type { Cell } from '../spec/expand.js';
import type { WorkerTask } from '../worker.js';

/** How one cell ended in this sweep. */
export type Outcome =
  | { kind: 'result'; result: RunResult; attempts: number }
  | { kind: 'failed'; error: string; attempts: number; seconds: number };

export interface SchedulerOptions {
  workers: number;
  /** Extra attempts after a run throws or its thread crashes. */
  retries: number;
  backend: BackendName;
  /** Ask every run for its final weights (WorkerTask.keepWeights). */
  keepWeights?: boolean;
  run: (task: WorkerTask, signal: AbortSignal) => Promise<RunResult>;
  onStart?: (cell: Cell, attempt: number) => void;
  onRetry?: (cell: Cell, error: string, attempt: number) => void;
  onDone: (cell: Cell, outcome: Outcome) => void;
  /**
   * Errors that no retry can fix (e.g. the requested backend cannot load): the first one stops
   * the sweep at once, in-flight runs are abandoned, and its message is kept in `fatalError`.
   */
  isFatal?: (error: unknown) => boolean;
}

/** Why `run` returned: everything ran, a stop was asked for, or in-flight runs were aborted. */
export type SchedulerEnd = 'completed' | 'stopped' | 'aborted';

const messageOf = (err: unknown): string =>
  err instanceof Error ? err.message || err.name : String(err);

/**
 * Keeps at most `workers` runs in flight, in the given order. A run that throws (or whose
 * worker thread crashes) is retried first thing, up to `retries` times, then reported as
 * failed. `stop()` starts nothing new and waits for in-flight runs; `abort()` abandons them.
 */
export class Scheduler {
  private readonly queue: { cell: Cell; attempt: number }[];
  private active = 0;
  private stopping = false;
  private readonly controller = new AbortController();
  /** The error that stopped the sweep, when `isFatal` said so. */
  fatalError: string | undefined;

  constructor(
    cells: readonly Cell[],
    private readonly opts: SchedulerOptions,
  ) {
    this.queue = cells.map((cell) => ({ cell, attempt: 0 }));
  }

  get inFlight(): number {
    return this.active;
  }

  stop(): void {
    this.stopping = true;
  }

  abort(): void {
    this.stopping = true;
    this.controller.abort();
  }

  run(): Promise<SchedulerEnd> {
    return new Promise((resolve) => {
      const finishIfIdle = () => {
        if (this.active > 0) return;
        if (this.controller.signal.aborted) resolve('aborted');
        else if (this.stopping) resolve(this.queue.length > 0 ? 'stopped' : 'completed');
        else if (this.queue.length === 0) resolve('completed');
      };
      const pump = () => {
        while (!this.stopping && this.active < this.opts.workers && this.queue.length > 0) {
          const item = this.queue.shift()!;
          this.launch(item, pump, finishIfIdle);
        }
        finishIfIdle();
      };
      this.controller.signal.addEventListener('abort', finishIfIdle);
      pump();
    });
  }

  private launch(
    item: { cell: Cell; attempt: number },
    pump: () => void,
    finishIfIdle: () => void,
  ) {
    const { cell, attempt } = item;
    const started = Date.now();
    this.active++;
    this.opts.onStart?.(cell, attempt);
    const task: WorkerTask = {
      id: cell.id,
      config: cell.config,
      backend: this.opts.backend,
      attempt,
      ...(this.opts.keepWeights ? { keepWeights: true } : {}),
    };
    this.opts.run(task, this.controller.signal).then(
      (result) => {
        this.active--;
        if (!this.controller.signal.aborted) {
          this.opts.onDone(cell, { kind: 'result', result, attempts: attempt + 1 });
        }
        pump();
      },
      (err: unknown) => {
        this.active--;
        if (this.controller.signal.aborted) {
          finishIfIdle();
          return;
        }
        const error = messageOf(err);
        if (this.opts.isFatal?.(err)) {
          this.fatalError ??= error;
          this.abort();
          finishIfIdle();
          return;
        }
        if (attempt < this.opts.retries) {
          this.opts.onRetry?.(cell, error, attempt + 1);
          this.queue.unshift({ cell, attempt: attempt + 1 });
        } else {
          const seconds = (Date.now() - started) / 1000;
          this.opts.onDone(cell, { kind: 'failed', error, attempts: attempt + 1, seconds });
        }
        pump();
      },
    );
  }
}
