import { closeSync, fstatSync, fsync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ResultsWriteError, writeFailure } from './write-failure.js';

/** File name for one writer: host, pid, shard and start time, so no two writers share a file. */
export function writerFileName(shard: { index: number; count: number }, now = new Date()): string {
  const host = hostname().replace(/[^A-Za-z0-9_.-]/g, '_') || 'host';
  const time = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${host}-${process.pid}-s${shard.index}of${shard.count}-${time}.jsonl`;
}

/**
 * Appends records to its own `*.jsonl` file, one JSON object per line (DESIGN.md §3 "Results
 * directory"). Each call writes its whole lines, newlines included, in one buffer on a
 * descriptor opened with O_APPEND, so a crash leaves at most a torn last line, never an
 * interleaved one. `append`/`appendMany` then fsync before returning; `write` leaves the sync
 * to `sync()`, which runs on libuv's thread pool so the caller's thread keeps working (the
 * sweep's group commit: one fsync per batch of runs that finished together). The file is
 * created on the first record, so a writer that writes nothing leaves nothing behind.
 *
 * A failed write or fsync (a full disk, EIO, …) throws (or rejects with) a `ResultsWriteError`
 * after cutting the file back to its last durable whole line (for a failed fsync: the end of
 * the last batch that synced, since what followed may not be on disk); when that cut fails
 * too, the writer refuses every later record, so a torn line is never followed by another.
 */
export class JsonlWriter {
  private fd: number | undefined;
  /** Bytes of whole lines written; `synced`: of those, the bytes known to be on disk. */
  private committed = 0;
  private synced = 0;
  private broken: ResultsWriteError | undefined;
  readonly path: string;

  constructor(dir: string, fileName: string) {
    this.path = join(dir, fileName);
  }

  append(record: object): void {
    this.appendMany([record]);
  }

  /** Write the records as whole lines and fsync before returning. */
  appendMany(records: readonly object[]): void {
    if (!this.write(records)) return;
    try {
      fsyncSync(this.fd!);
    } catch (err) {
      throw this.syncFailure(err);
    }
    this.synced = this.committed;
  }

  /** Write the records as whole lines (one buffer); false if there was nothing to write. */
  write(records: readonly object[]): boolean {
    if (records.length === 0) return false;
    if (this.broken) throw this.broken;
    const line = Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
    let off = 0;
    try {
      if (this.fd === undefined) {
        mkdirSync(join(this.path, '..'), { recursive: true });
        this.fd = openSync(this.path, 'a');
        this.committed = this.synced = fstatSync(this.fd).size;
      }
      while (off < line.length) off += writeSync(this.fd, line, off, line.length - off);
    } catch (err) {
      const failure = writeFailure(err, this.path, this.fd, this.committed, off);
      if (failure instanceof ResultsWriteError && failure.tornTail === 'left')
        this.broken = failure;
      throw failure;
    }
    this.committed += line.length;
    return true;
  }

  /** Flush what `write` wrote to the disk, off the calling thread. */
  sync(): Promise<void> {
    const fd = this.fd;
    if (fd === undefined || this.synced === this.committed) return Promise.resolve();
    const target = this.committed;
    return new Promise((resolve, reject) =>
      fsync(fd, (err) => {
        if (err) {
          reject(this.syncFailure(err));
        } else {
          this.synced = Math.max(this.synced, target);
          resolve();
        }
      }),
    );
  }

  /** A failed fsync: what followed the last synced line may not be durable, so it goes. */
  private syncFailure(err: unknown): unknown {
    const unsynced = this.committed - this.synced;
    const failure = writeFailure(err, this.path, this.fd, this.synced, unsynced);
    if (failure instanceof ResultsWriteError) {
      if (failure.tornTail === 'left') this.broken = failure;
      else this.committed = this.synced;
    }
    return failure;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
