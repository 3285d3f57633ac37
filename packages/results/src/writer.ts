import { closeSync, fsync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

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
 * sweep's group commit: one fsync per batch of runs that finished together, while the next
 * tasks are already dispatched). The file is created on the first record, so a writer that
 * writes nothing leaves nothing behind.
 */
export class JsonlWriter {
  private fd: number | undefined;
  readonly path: string;

  constructor(dir: string, fileName: string) {
    this.path = join(dir, fileName);
  }

  append(record: object): void {
    this.appendMany([record]);
  }

  /** Write the records as whole lines and fsync before returning. */
  appendMany(records: readonly object[]): void {
    if (this.write(records)) fsyncSync(this.fd!);
  }

  /** Write the records as whole lines (one buffer); false if there was nothing to write. */
  write(records: readonly object[]): boolean {
    if (records.length === 0) return false;
    const line = Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
    if (this.fd === undefined) {
      mkdirSync(join(this.path, '..'), { recursive: true });
      this.fd = openSync(this.path, 'a');
    }
    let off = 0;
    while (off < line.length) off += writeSync(this.fd, line, off, line.length - off);
    return true;
  }

  /** Flush what `write` wrote to the disk, off the calling thread. */
  sync(): Promise<void> {
    const fd = this.fd;
    if (fd === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
