import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
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
 * directory"). Each record is one `write` of the whole line including its newline on a
 * descriptor opened with O_APPEND, then fsync'd, so a crash leaves at most a torn last line,
 * never an interleaved one. The file is created on the first record, so a writer that writes
 * nothing leaves nothing behind. A failed write (a full disk, EIO, …) throws a
 * `ResultsWriteError` after cutting the file back to its last whole line; when that cut fails
 * too, the writer refuses every later record, so a torn line is never followed by another.
 */
export class JsonlWriter {
  private fd: number | undefined;
  /** Length of the file after the last whole line this writer wrote. */
  private committed = 0;
  /** Set when a torn line could not be removed: nothing more may be appended. */
  private broken: ResultsWriteError | undefined;
  readonly path: string;

  constructor(dir: string, fileName: string) {
    this.path = join(dir, fileName);
  }

  append(record: object): void {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    if (this.broken) throw this.broken;
    let off = 0;
    try {
      if (this.fd === undefined) {
        mkdirSync(join(this.path, '..'), { recursive: true });
        this.fd = openSync(this.path, 'a');
        this.committed = fstatSync(this.fd).size;
      }
      while (off < line.length) off += writeSync(this.fd, line, off, line.length - off);
      fsyncSync(this.fd);
    } catch (err) {
      // fsync failing after the write counts as a partial write: the line may not be durable.
      const failure = writeFailure(err, this.path, this.fd, this.committed, off);
      if (failure instanceof ResultsWriteError && failure.tornTail === 'left')
        this.broken = failure;
      throw failure;
    }
    this.committed += line.length;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
