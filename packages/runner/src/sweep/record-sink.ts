import type { JsonlWriter } from '@ansatz/results';

/**
 * Group commit for a sweep's records. The scheduler reports the runs of a finished task (a
 * whole cohort of cells) synchronously, one after another; `add` queues each record and the
 * batch is written with one `write` and one fsync on the next turn of the event loop, after the
 * last of them. A tiny run costs less than an fsync, so committing record by record made the
 * main thread, not the workers, the limit on small cells.
 *
 * Durability is unchanged in kind: a record reaches the disk within one event-loop turn of its
 * run finishing, a crash before that loses the runs as if they had not finished (they run again
 * on resume), and a crash during the write leaves at most a torn last line. A write error is
 * kept, `onError` is told once (the sweep stops starting runs), and `close` rethrows it.
 */
export class RecordSink {
  private pending: object[] = [];
  private scheduled = false;
  private failure: unknown;

  constructor(
    private readonly writer: JsonlWriter,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queue one record; it is committed with the others that finish in the same turn. */
  add(record: object): void {
    if (this.failure !== undefined) return;
    this.pending.push(record);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Commit everything queued now (also called by `close`). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || this.failure !== undefined) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.writer.appendMany(batch);
    } catch (error) {
      this.failure = error;
      this.onError(error);
    }
  }

  /** The write error that stopped the sink, if any. */
  get error(): unknown {
    return this.failure;
  }

  /** Commit what is queued, close the file, and rethrow a write error if one happened. */
  close(): void {
    this.flush();
    this.writer.close();
    if (this.failure !== undefined) throw this.failure;
  }
}
