import type { JsonlWriter } from '@ansatz/results';

/** Told once whether a record reached the disk (true) or was lost to a write error (false). */
export type Committed = (written: boolean) => void;

/**
 * Group commit for a sweep's records. The scheduler reports the runs of a finished task (a
 * whole cohort of cells) synchronously, one after another; `add` queues each record, and on the
 * next turn of the event loop the queue is written as one buffer and fsync'd on libuv's thread
 * pool. Records that arrive while an fsync is in flight wait for it and go out together in the
 * next batch. A tiny run costs less than an fsync, so committing record by record on the main
 * thread made the main thread, not the workers, the limit on small cells.
 *
 * Each record's `committed` callback runs once its batch is on disk (the sweep then marks the
 * cell done: claims, tally), or with false when a write error lost it. Durability is unchanged
 * in kind: a record is written within one event-loop turn of its run finishing, a crash before
 * that loses the runs as if they had not finished (they run again on resume), and a crash
 * during the write leaves at most a torn last line. The first write or sync error is kept,
 * `onError` is told once, and every later record is dropped (reported not written).
 */
export class RecordSink {
  private pending: { record: object; committed?: Committed | undefined }[] = [];
  private scheduled = false;
  private syncing: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly writer: JsonlWriter,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queue one record; it is committed with the others that finish in the same turn. */
  add(record: object, committed?: Committed): void {
    if (this.failure !== undefined) {
      committed?.(false);
      return;
    }
    this.pending.push({ record, committed });
    this.schedule();
  }

  /** The write error that stopped the sink, if any. */
  get error(): unknown {
    return this.failure;
  }

  /** Commit what is queued, wait for the last fsync, and close the file. Never throws. */
  async close(): Promise<void> {
    while (this.syncing || (this.pending.length > 0 && this.failure === undefined)) {
      if (this.syncing) await this.syncing;
      else this.commit();
    }
    try {
      this.writer.close();
    } catch {
      // Every committed record was fsync'd; a failing close loses nothing.
    }
  }

  private schedule(): void {
    if (this.scheduled || this.syncing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.commit();
    });
  }

  private commit(): void {
    if (this.pending.length === 0 || this.failure !== undefined || this.syncing) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.writer.write(batch.map((e) => e.record));
    } catch (error) {
      this.fail(error, batch);
      return;
    }
    this.syncing = this.writer.sync().then(
      () => {
        this.syncing = undefined;
        for (const e of batch) e.committed?.(true);
        if (this.pending.length > 0) this.schedule();
      },
      (error: unknown) => {
        this.syncing = undefined;
        this.fail(error, batch);
      },
    );
  }

  private fail(error: unknown, batch: typeof this.pending): void {
    this.failure = error;
    const lost = [...batch, ...this.pending];
    this.pending = [];
    this.onError(error);
    for (const e of lost) e.committed?.(false);
  }
}
