import type { BackendName, RunResult } from '@ansatz/core';
import type { Cell } from '../spec/expand.js';
import type { CohortTask, WorkerTask } from '../worker.js';

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
  /** Runs a cohort (more than one cell) as one task; needed when the work holds cohorts. */
  runCohort?: (task: CohortTask, signal: AbortSignal) => Promise<RunResult[]>;
  /** A cohort threw or its thread crashed: its cells are about to run one by one. */
  onCohortFallback?: (cells: readonly Cell[], error: string) => void;
  onStart?: (cell: Cell, attempt: number) => void;
  onRetry?: (cell: Cell, error: string, attempt: number) => void;
  onDone: (cell: Cell, outcome: Outcome) => void;
  /**
   * Asked before a cell first starts: false when another process has it (see sweep/claims.ts);
   * such cells are left out of their task, and a task left empty is dropped.
   */
  claim?: (cell: Cell) => boolean;
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

/** A queued unit of work: one cell, or a cohort of cells trained as one task. */
interface Item {
  cells: readonly Cell[];
  attempt: number;
}

/**
 * Keeps at most `workers` tasks in flight, in the given order; a task is one cell or a cohort
 * (an array of cells, see cohorts.ts), and every cell is reported on its own (`onDone`). A run
 * that throws (or whose worker thread crashes) is retried first thing, up to `retries` times,
 * then reported as failed. A cohort that throws or crashes is not retried as a whole: its cells
 * go back to the front of the queue one by one, at attempt 0, so that one bad cell cannot sink
 * its neighbours. `stop()` starts nothing new and waits for in-flight tasks; `abort()`
 * abandons them.
 */
export class Scheduler {
  private readonly queue: Item[];
  private active = 0;
  private stopping = false;
  private readonly controller = new AbortController();
  /** The error that stopped the sweep, when `isFatal` said so. */
  fatalError: string | undefined;

  constructor(
    work: readonly (Cell | readonly Cell[])[],
    private readonly opts: SchedulerOptions,
  ) {
    this.queue = work.map((w) => ({ cells: Array.isArray(w) ? w : [w as Cell], attempt: 0 }));
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
          const claim = this.opts.claim;
          const cells = claim ? item.cells.filter((c) => claim(c)) : item.cells;
          if (cells.length > 0) this.launch({ ...item, cells }, pump, finishIfIdle);
        }
        finishIfIdle();
      };
      this.controller.signal.addEventListener('abort', finishIfIdle);
      pump();
    });
  }

  private launch(item: Item, pump: () => void, finishIfIdle: () => void) {
    if (item.cells.length > 1) {
      this.launchCohort(item.cells, pump, finishIfIdle);
      return;
    }
    const cell = item.cells[0]!;
    const { attempt } = item;
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
          this.queue.unshift({ cells: [cell], attempt: attempt + 1 });
        } else {
          const seconds = (Date.now() - started) / 1000;
          this.opts.onDone(cell, { kind: 'failed', error, attempts: attempt + 1, seconds });
        }
        pump();
      },
    );
  }

  private launchCohort(cells: readonly Cell[], pump: () => void, finishIfIdle: () => void) {
    this.active++;
    for (const cell of cells) this.opts.onStart?.(cell, 0);
    const task: CohortTask = {
      cells: cells.map((c) => ({ id: c.id, config: c.config })),
      backend: this.opts.backend,
      attempt: 0,
      ...(this.opts.keepWeights ? { keepWeights: true } : {}),
    };
    if (!this.opts.runCohort) throw new Error('Scheduler: cohorts need the runCohort option');
    this.opts.runCohort(task, this.controller.signal).then(
      (results) => {
        this.active--;
        if (!this.controller.signal.aborted) {
          cells.forEach((cell, k) =>
            this.opts.onDone(cell, { kind: 'result', result: results[k]!, attempts: 1 }),
          );
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
        this.opts.onCohortFallback?.(cells, error);
        this.queue.unshift(...cells.map((cell) => ({ cells: [cell], attempt: 0 })));
        pump();
      },
    );
  }
}
