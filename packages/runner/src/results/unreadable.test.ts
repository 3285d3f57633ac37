import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readResults } from '@ansatz/results';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { failOnUnreadable } from './unreadable.js';

describe('failOnUnreadable', () => {
  it('passes torn and bad lines, throws a UserError naming an unreadable file', async () => {
    expect(() =>
      failOnUnreadable([{ kind: 'torn-line', file: 'a.jsonl', line: 3, message: 'torn' }]),
    ).not.toThrow();
    const dir = mkdtempSync(join(tmpdir(), 'ansatz-unreadable-'));
    mkdirSync(join(dir, 'dir.jsonl'));
    writeFileSync(join(dir, 'ok.jsonl'), '');
    // A directory named *.jsonl is not a file: skipped. A dangling link is a broken-link issue,
    // listed but not fatal. A file that cannot be opened is an issue of kind 'unreadable': root
    // opens nearly anything, but not a write-only sysctl.
    symlinkSync(join(dir, 'missing-target'), join(dir, 'gone.jsonl'));
    symlinkSync('/proc/sys/vm/drop_caches', join(dir, 'locked.jsonl'));
    const read = await readResults(dir);
    let thrown: unknown;
    try {
      failOnUnreadable(read.issues);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).problems).toHaveLength(1);
    expect((thrown as UserError).problems[0]).toContain(join(dir, 'locked.jsonl'));
    expect(read.issues.map((i) => i.kind).sort()).toEqual(['broken-link', 'unreadable']);
  });
});
