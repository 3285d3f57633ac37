import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults } from './read-results.js';
import { envelope, tempDir } from './test-support/temp.js';
import { ResultsWriteError } from './write-failure.js';
import { JsonlWriter, writerFileName } from './writer.js';

describe('JsonlWriter', () => {
  it('writes one whole line per record, creating the file on the first record only', async () => {
    const dir = tempDir();
    const w = new JsonlWriter(dir, writerFileName({ index: 1, count: 3 }));
    expect(w.path).toMatch(/-\d+-s1of3-\d{8}T\d{6}Z\.jsonl$/);
    expect(readdirSync(dir)).toEqual([]);
    w.append(envelope('a', 'ok', '2026-01-01T00:00:00Z'));
    w.append(envelope('b', 'failed', '2026-01-01T00:00:01Z', { error: 'line\nbreak' }));
    w.close();
    const text = readFileSync(w.path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    const r = await readResults(dir);
    expect([...r.records.keys()]).toEqual(['a', 'b']);
    expect(r.records.get('b')!['error']).toBe('line\nbreak');
  });

  it('commits a batch as whole lines in order, and an empty batch creates nothing', async () => {
    const dir = tempDir();
    const w = new JsonlWriter(dir, writerFileName({ index: 0, count: 1 }));
    w.appendMany([]);
    expect(readdirSync(dir)).toEqual([]);
    w.appendMany([
      envelope('a', 'ok', '2026-01-01T00:00:00Z'),
      envelope('b', 'ok', '2026-01-01T00:00:01Z'),
    ]);
    w.append(envelope('c', 'diverged', '2026-01-01T00:00:02Z'));
    w.close();
    const lines = readFileSync(w.path, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    const r = await readResults(dir);
    expect([...r.records.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('write leaves the fsync to sync(), which resolves once the lines are on disk', async () => {
    const dir = tempDir();
    const w = new JsonlWriter(dir, writerFileName({ index: 0, count: 1 }));
    await w.sync(); // nothing written yet: nothing to sync, no file
    expect(readdirSync(dir)).toEqual([]);
    expect(w.write([])).toBe(false);
    expect(w.write([envelope('a', 'ok', '2026-01-01T00:00:00Z')])).toBe(true);
    await w.sync();
    w.close();
    const r = await readResults(dir);
    expect([...r.records.keys()]).toEqual(['a']);
  });
});

describe('JsonlWriter on a failing device', () => {
  it('throws a ResultsWriteError naming the code and the path (/dev/full: ENOSPC)', () => {
    const w = new JsonlWriter('/dev', 'full');
    let caught: unknown;
    try {
      w.append(envelope('a', 'ok', '2026-01-01T00:00:00Z'));
    } catch (err) {
      caught = err;
    }
    w.close();
    expect(caught).toBeInstanceOf(ResultsWriteError);
    const e = caught as ResultsWriteError;
    expect(e.code).toBe('ENOSPC');
    expect(e.path).toBe('/dev/full');
    expect(e.message).toBe('ENOSPC (no space left on the device) writing /dev/full');
  });

  it('names an unwritable directory the same way', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const w = new JsonlWriter(join(dir, 'file', 'sub'), 'x.jsonl');
    expect(() => w.append({ id: 'a' })).toThrow(ResultsWriteError);
    expect(() => w.append({ id: 'a' })).toThrow(/^ENOTDIR .* writing .*file\/sub\/x\.jsonl$/);
  });
});
