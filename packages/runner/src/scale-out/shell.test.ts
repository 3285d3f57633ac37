import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellJoin, shellQuote } from './shell.js';

/** What a real POSIX shell makes of a command line: one argument per output line. */
function shellWords(line: string): string[] {
  const r = spawnSync('/bin/sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').slice(0, -1);
}

describe('shellQuote', () => {
  const awkward = [
    'plain',
    '/abs/path/to/cli.js',
    'with space',
    "it's",
    '$HOME',
    '`date`',
    'a"b',
    'back\\slash',
    'semi;colon && rm -rf x',
    '*',
    '',
  ];

  it('makes every word reach the command unchanged', () => {
    expect(shellWords(shellJoin(awkward))).toEqual(awkward);
  });

  it('leaves ordinary paths and flags bare and quotes the rest', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote('--workers')).toBe('--workers');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('')).toBe("''");
  });
});
