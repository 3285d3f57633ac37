/**
 * Lines of a file, streamed: memory bounded by the longest line, whatever the file's size (a
 * writer's file passes 512 MB, the largest string V8 makes, after ≈ 22,000 runs).
 */
import { open } from 'node:fs/promises';

export interface Line {
  /** The line's text, without its newline. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Whether a newline ended it: false only for a last line cut short (a torn write). */
  terminated: boolean;
}

const NEWLINE = 0x0a;

/** Every non-empty line of `file`, in order. Lines are split on '\n' bytes (UTF-8 safe). */
export async function* readLines(file: string, chunkBytes = 1 << 20): AsyncGenerator<Line> {
  const fh = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let line = 0;
    const take = (tail: Buffer): string => {
      const text =
        pending.length === 0
          ? tail.toString('utf8')
          : Buffer.concat([...pending, tail], pendingBytes + tail.length).toString('utf8');
      pending = [];
      pendingBytes = 0;
      return text;
    };
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(NEWLINE, start);
        if (nl < 0 || nl >= bytesRead) break;
        const text = take(chunk.subarray(start, nl));
        line++;
        if (text.trim() !== '') yield { text, line, terminated: true };
        start = nl + 1;
      }
      if (start < bytesRead) {
        // Copy: the chunk buffer is reused by the next read.
        const rest = Buffer.from(chunk.subarray(start, bytesRead));
        pending.push(rest);
        pendingBytes += rest.length;
      }
    }
    if (pendingBytes > 0) {
      const text = take(Buffer.alloc(0));
      line++;
      if (text.trim() !== '') yield { text, line, terminated: false };
    }
  } finally {
    await fh.close();
  }
}
