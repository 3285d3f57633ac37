import type { JsonlWriter } from '@ansatz/results';

/**
 * Group commit for a sweep's records. The scheduler reports the runs of a finished task (a
 * whole cohort of cells) synchronously, one after another; `add` queues each record, and on the
 * next turn of the event loop the queue is written as one buffer and fsync'd on libuv's thread
 * pool. Records that arrive while an fsync is in flight wait for it and go out together in the
 * next batch. A tiny run costs less than an fsync, so committing record by record on the main
 * thread made the main thread, not the workers, the limit on small cells.
 *
 * Durability is unchanged in kind: a record is written within one event-loop turn of its run
 * finishing (a `kill -9` after that loses nothing: the page cache has it), a crash before that
 * loses the runs as if they had not finished (they run again on resume), and a crash during the
 * write leaves at most a torn last line. A write or sync error is kept, `onError` is told once
 * (the sweep stops starting runs), later records are dropped, and `close` rethrows it.
 */
export class RecordSink {
  private pending: object[] = [];
  private scheduled = false;
  private syncing: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly writer: JsonlWriter,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queue one record; it is committed with the others that finish in the same turn. */
  add(record: object): void {
    if (this.failure !== undefined) return;
    this.pending.push(record);
    this.schedule();
  }

  /** The write error that stopped the sink, if any. */
  get error(): unknown {
    return this.failure;
  }

  /** Commit what is queued, wait for the last fsync, close the file; rethrow a write error. */
  async close(): Promise<void> {
    while (this.syncing || (this.pending.length > 0 && this.failure === undefined)) {
      if (this.syncing) await this.syncing;
      else this.commit();
    }
    this.writer.close();
    if (this.failure !== undefined) throw this.failure;
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
      this.writer.write(batch);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.syncing = this.writer.sync().then(
      () => {
        this.syncing = undefined;
        if (this.pending.length > 0) this.schedule();
      },
      (error: unknown) => {
        this.syncing = undefined;
        this.fail(error);
      },
    );
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.pending = [];
    this.onError(error);
  }
}
