import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/harness.js';
import { RECORD_VERSION } from '../ids.js';
import { readResults } from './jsonl-reader.js';
import { JsonlWriter, writerFileName } from './jsonl-writer.js';

function rec(id: string, status: string, finishedAt: string, extra: object = {}) {
  return {
    v: RECORD_VERSION,
    id,
    sweep: 's',
    experiment: 'e',
    config: { depth: 2 },
    status,
    finishedAt,
    ...extra,
  };
}

describe('JsonlWriter', () => {
  it('writes one whole line per record, creating the file on the first record only', () => {
    const dir = tempDir();
    const w = new JsonlWriter(dir, writerFileName({ index: 1, count: 3 }));
    expect(w.path).toMatch(/-\d+-s1of3-\d{8}T\d{6}Z\.jsonl$/);
    expect(readResults(dir).files).toHaveLength(0);
    w.append(rec('a', 'ok', '2026-01-01T00:00:00Z'));
    w.append(rec('b', 'failed', '2026-01-01T00:00:01Z', { error: 'line\nbreak' }));
    w.close();
    const text = readFileSync(w.path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a', 'b']);
  });
});

describe('readResults', () => {
  it('takes the union of all files, dedupes by id preferring ok, then diverged, then failed', () => {
    const dir = tempDir();
    const line = (o: object) => `${JSON.stringify(o)}\n`;
    writeFileSync(
      join(dir, 'one.jsonl'),
      line(rec('x', 'failed', '2026-01-01T00:00:09Z')) +
        line(rec('y', 'diverged', '2026-01-01T00:00:00Z')),
    );
    writeFileSync(
      join(dir, 'two.jsonl'),
      line(rec('x', 'ok', '2026-01-01T00:00:01Z')) +
        line(rec('y', 'failed', '2026-01-01T00:00:05Z')) +
        line(rec('z', 'failed', '2026-01-01T00:00:01Z', { error: 'old' })) +
        line(rec('z', 'failed', '2026-01-01T00:00:02Z', { error: 'new' })),
    );
    writeFileSync(join(dir, 'notes.txt'), 'not results');
    const r = readResults(dir);
    expect(r.files).toEqual(['one.jsonl', 'two.jsonl']);
    expect(r.lines).toBe(6);
    expect(r.records.get('x')!.status).toBe('ok');
    expect(r.records.get('y')!.status).toBe('diverged');
    expect(r.records.get('z')!.error).toBe('new');
    expect(r.bad).toEqual([]);
  });

  it('skips and reports a torn last line and lines that are not records, with file:line', () => {
    const dir = tempDir();
    const file = join(dir, 'w.jsonl');
    const good = JSON.stringify(rec('a', 'ok', '2026-01-01T00:00:00Z'));
    writeFileSync(file, `${good}\n{"v":1,"id":"q"}\n[1,2]\n`);
    appendFileSync(file, good.slice(0, 40)); // a crash mid-write
    const r = readResults(dir);
    expect([...r.records.keys()]).toEqual(['a']);
    expect(r.bad.map((b) => [b.line, b.reason.split(' (')[0]])).toEqual([
      [2, 'not a run record'],
      [3, 'not a run record'],
      [4, 'torn last line'],
    ]);
    expect(r.bad[0]!.file).toBe(file);
  });

  it('reads records of every version from 1 to RECORD_VERSION, and no other', () => {
    const dir = tempDir();
    const lines = [
      rec('old', 'ok', '2026-01-01T00:00:00Z', { v: 1 }),
      rec('new', 'ok', '2026-01-01T00:00:00Z'),
      rec('zero', 'ok', '2026-01-01T00:00:00Z', { v: 0 }),
      rec('future', 'ok', '2026-01-01T00:00:00Z', { v: RECORD_VERSION + 1 }),
      rec('half', 'ok', '2026-01-01T00:00:00Z', { v: 1.5 }),
      rec('text', 'ok', '2026-01-01T00:00:00Z', { v: '1' }),
    ];
    writeFileSync(join(dir, 'w.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const r = readResults(dir);
    expect([...r.records.keys()].sort()).toEqual(['new', 'old']);
    expect(r.bad.map((b) => [b.line, b.reason.split(' (')[0]])).toEqual([
      [3, 'not a run record'],
      [4, 'not a run record'],
      [5, 'not a run record'],
      [6, 'not a run record'],
    ]);
    expect(r.bad[0]!.reason).toMatch(/v:/);
  });

  it('reads a missing directory as empty', () => {
    const r = readResults(join(tempDir(), 'nope'));
    expect(r.records.size).toBe(0);
    expect(r.files).toEqual([]);
  });
});
