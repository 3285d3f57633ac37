import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { tempPathOf, writeOutputFiles } from './write-files.js';

const root = mkdtempSync(join(tmpdir(), 'ansatz-write-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const fresh = () => {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  return dir;
};
const failureOf = (f: () => void): UserError => {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
};

describe('writeOutputFiles', () => {
  it('creates the directories, writes every file, marks executables, leaves no temp file', () => {
    const dir = fresh();
    writeOutputFiles({
      dirs: [{ path: join(dir, 'logs'), flag: '--script' }],
      files: [
        { path: join(dir, 'a', 'one.txt'), text: 'one\n', flag: '--script' },
        { path: join(dir, 'two.sh'), text: '#!/bin/sh\n', flag: '--script', executable: true },
      ],
    });
    expect(readFileSync(join(dir, 'a', 'one.txt'), 'utf8')).toBe('one\n');
    expect(statSync(join(dir, 'two.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(dir, 'a', 'one.txt')).mode & 0o111).toBe(0);
    expect(statSync(join(dir, 'logs')).isDirectory()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a', 'logs', 'two.sh']);
  });

  it('replaces existing files', () => {
    const dir = fresh();
    const path = join(dir, 'm.yaml');
    writeFileSync(path, 'old');
    writeOutputFiles({ files: [{ path, text: 'new', flag: '--out' }] });
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('when one file cannot be written, replaces none and removes its temp files', () => {
    const dir = fresh();
    const first = join(dir, 'first.sh');
    const second = join(dir, 'second.sh');
    writeFileSync(first, 'old first');
    mkdirSync(tempPathOf(second)); // writing the second file's temp file fails: EISDIR
    const err = failureOf(() =>
      writeOutputFiles({
        files: [
          { path: first, text: 'new first', flag: '--script' },
          { path: second, text: 'new second', flag: '--script' },
        ],
      }),
    );
    expect(err.problems).toEqual([
      `--script ${second}: cannot write there (it is a directory); choose another path`,
    ]);
    expect(readFileSync(first, 'utf8')).toBe('old first');
    expect(readdirSync(dir).sort()).toEqual(['first.sh', 'second.sh.' + process.pid + '.tmp']);
  });

  it('a path that is a directory is a UserError naming the flag, before anything is written', () => {
    const dir = fresh();
    const file = join(dir, 'k8s.yaml');
    mkdirSync(file);
    const other = join(dir, 'other.yaml');
    const err = failureOf(() =>
      writeOutputFiles({
        files: [
          { path: other, text: 'x', flag: '--out' },
          { path: file, text: 'x', flag: '--out' },
        ],
      }),
    );
    expect(err.problems).toEqual([
      `--out ${file}: cannot write there (it is a directory); choose another path`,
    ]);
    expect(readdirSync(dir)).toEqual(['k8s.yaml']);
  });

  it('a directory that cannot be created is a UserError naming the flag and the directory', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'plain'), '');
    const logs = join(dir, 'plain', 'logs');
    const err = failureOf(() =>
      writeOutputFiles({ dirs: [{ path: logs, flag: '--script' }], files: [] }),
    );
    expect(err.problems[0]).toMatch(
      new RegExp(`^--script ${logs}: cannot write there \\(a part of the path is a file`),
    );
  });
});
