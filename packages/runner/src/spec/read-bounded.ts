import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserError } from '../errors.js';

/** What a file that is not a regular file is, for the message. */
function kindOf(stat: ReturnType<typeof fstatSync>): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'a symlink loop',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * Read a small input file (a spec) without trusting it: opened non-blocking (a FIFO cannot
 * hang the open), refused unless it is a regular file after symlinks (a directory, FIFO or
 * device such as /dev/zero), and read only up to `maxBytes` + 1 bytes, so an oversized file is
 * refused without being read whole. Every refusal is a UserError naming the file (exit 2).
 */
export function readBoundedFile(file: string, maxBytes: number, what = 'the spec'): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read ${what} (${WHY[code ?? ''] ?? code ?? String(err)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new UserError(`${file}: cannot read ${what}: it is ${kindOf(stat)}, not a file`);
    }
    if (stat.size > maxBytes) {
      throw new UserError(`${file}: ${what} is ${stat.size} bytes; at most ${maxBytes} allowed`);
    }
    // The size can change while reading (a file still being written): never read past the cap.
    const buf = Buffer.alloc(maxBytes + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > maxBytes) {
        throw new UserError(
          `${file}: ${what} is over ${maxBytes} bytes; at most ${maxBytes} allowed`,
        );
      }
    }
    return buf.subarray(0, got);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read ${what} (${WHY[code ?? ''] ?? code ?? String(err)})`);
  } finally {
    closeSync(fd);
  }
}
