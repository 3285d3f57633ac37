import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssues, readResults } from './read-results.js';
import { envelope, tempDir } from './test-support/temp.js';

const line = (o: object) => `${JSON.stringify(o)}\n`;

describe('readResults', () => {
  it('takes the union of all files, dedupes by id preferring ok, then diverged, then failed', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'one.jsonl'),
      line(envelope('x', 'failed', '2026-01-01T00:00:09Z')) +
        line(envelope('y', 'diverged', '2026-01-01T00:00:00Z')),
    );
    writeFileSync(
      join(dir, 'two.jsonl'),
      line(envelope('x', 'ok', '2026-01-01T00:00:01Z')) +
        line(envelope('y', 'failed', '2026-01-01T00:00:05Z')) +
        line(envelope('z', 'failed', '2026-01-01T00:00:01Z', { error: 'old' })) +
        line(envelope('z', 'failed', '2026-01-01T00:00:02Z', { error: 'new' })),
    );
    writeFileSync(join(dir, 'notes.txt'), 'not results');
    const r = await readResults(dir);
    expect(r.files.map((f) => f.slice(dir.length + 1))).toEqual(['one.jsonl', 'two.jsonl']);
    expect(r.lines).toBe(6);
    expect([...r.records.keys()]).toEqual(['x', 'y', 'z']);
    expect(r.records.get('x')!.status).toBe('ok');
    expect(r.records.get('y')!.status).toBe('diverged');
    expect(r.records.get('z')!['error']).toBe('new');
    expect(r.issues).toEqual([]);
  });

  it('one torn-line rule: a cut last line is torn, any other bad line is reported as bad', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.jsonl'),
      line(envelope('a', 'ok', 't')) + '{not json\n' + line({ id: 'q' }) + '{"v":2,"id":"b","sta',
    );
    const r = await readResults(dir);
    expect([...r.records.keys()]).toEqual(['a']);
    expect(r.issues.map((i) => [i.kind, i.line])).toEqual([
      ['bad-line', 2],
      ['bad-record', 3],
      ['torn-line', 4],
    ]);
    expect(describeIssues(r.issues)[2]).toBe(
      `${join(dir, 'a.jsonl')}:4 torn last line (no newline); skipped`,
    );
  });

  it('reads records of every version up to the current one, and no later', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'v.jsonl'),
      line(envelope('old', 'ok', 't', { v: 1 })) + line(envelope('future', 'ok', 't', { v: 3 })),
    );
    const r = await readResults(dir);
    expect([...r.records.keys()]).toEqual(['old']);
    expect(r.issues[0]!.message).toContain('v:');
  });

  it('keeps only what a projection returns', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.jsonl'), line(envelope('a', 'ok', 't', { history: [1, 2, 3] })));
    const r = await readResults(dir, (rec, source) => ({ status: rec.status, line: source.line }));
    expect(r.records.get('a')).toEqual({ status: 'ok', line: 1 });
  });

  it('a missing directory reads as empty; dangling links and loops are reported, not followed', async () => {
    const dir = tempDir();
    expect((await readResults(join(dir, 'nope'))).files).toEqual([]);
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'ok.jsonl'), line(envelope('a', 'ok', 't')));
    symlinkSync(join(dir, 'gone.jsonl'), join(dir, 'r', 'dangling.jsonl'));
    symlinkSync(join(dir, 'r', 'loop.jsonl'), join(dir, 'r', 'loop.jsonl'));
    const r = await readResults(join(dir, 'r'));
    expect(r.records.size).toBe(1);
    expect(r.issues.map((i) => [i.kind, i.file.slice(dir.length + 3), i.message])).toEqual([
      ['broken-link', 'dangling.jsonl', 'cannot read (ENOENT)'],
      ['broken-link', 'loop.jsonl', 'cannot read (ELOOP)'],
    ]);
  });

  it('reads several directories as one union', async () => {
    const a = tempDir();
    const b = tempDir();
    writeFileSync(join(a, 'x.jsonl'), line(envelope('x', 'failed', '1')));
    writeFileSync(
      join(b, 'y.jsonl'),
      line(envelope('x', 'ok', '0')) + line(envelope('y', 'ok', '0')),
    );
    const r = await readResults([a, b]);
    expect([...r.records.entries()].map(([k, v]) => `${k}:${v.status}`)).toEqual(['x:ok', 'y:ok']);
  });
});
