import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRecord, toJsonl } from '../test-support/records.js';
import { BIG_SET_HISTORY_POINTS, loadResultsDirs } from './load.js';
import { STATIC_RUN_PAGES_MAX } from './run-pages.js';
import { toRecord } from './parse.js';

const at = { file: 'f.jsonl', line: 1 };

describe('toRecord (the report’s tolerant normaliser)', () => {
  it('rejects records without id or with an unknown status, naming the field', () => {
    expect(toRecord({ status: 'ok' }, at)).toContain('"id"');
    expect(toRecord({ id: 'x', status: 'done' }, at)).toContain('"status" is "done"');
  });
  it('turns non-finite metrics into null', () => {
    const rec = makeRecord({ id: 'a' }) as { history: Record<string, unknown>[] };
    rec.history[0]!.loss = 'NaN';
    const r = toRecord(rec, at);
    expect(typeof r).not.toBe('string');
    expect((r as Exclude<typeof r, string>).history[0]!.loss).toBeNull();
  });
  it('derives the flags of a record older than version 2 by core’s rules', () => {
    const old = makeRecord({ id: 'o', lossEnd: 0.5 }) as Record<string, unknown>;
    delete old['flags'];
    const r = toRecord({ ...old, v: 1 }, at) as Exclude<ReturnType<typeof toRecord>, string>;
    expect(r.flags).toEqual(['not-fit']);
  });
});

describe('loadResultsDirs', () => {
  it('unions every *.jsonl of several dirs and reports missing dirs and torn lines', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ansatz-load-'));
    const d1 = join(root, 'a');
    const d2 = join(root, 'b');
    mkdirSync(d1);
    mkdirSync(d2);
    writeFileSync(
      join(d1, 'w1.jsonl'),
      toJsonl([makeRecord({ id: '1' }), makeRecord({ id: '2' })]),
    );
    writeFileSync(
      join(d1, 'w2.jsonl'),
      toJsonl([makeRecord({ id: '2', status: 'failed' })]) + '{"id":"3","sta',
    );
    writeFileSync(join(d1, 'spec.yaml'), 'name: x\n');
    writeFileSync(join(d2, 'w3.jsonl'), toJsonl([makeRecord({ id: '4' })]));
    const r = await loadResultsDirs([d1, d2, join(root, 'nope')]);
    expect(r.files).toHaveLength(3);
    expect(r.rawCount).toBe(4);
    expect(r.records.map((x) => [x.id, x.status])).toEqual([
      ['1', 'ok'],
      ['2', 'ok'],
      ['4', 'ok'],
    ]);
    expect(r.issues.map((i) => [i.kind, i.where])).toEqual([
      ['missing-dir', join(root, 'nope')],
      ['torn-line', 'a/w2.jsonl:2'],
    ]);
    expect(r.records[0]!.source).toEqual({ file: 'a/w1.jsonl', line: 1 });
  });
  it('above STATIC_RUN_PAGES_MAX runs keeps ok runs small and unfinished runs whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ansatz-load-big-'));
    const n = STATIC_RUN_PAGES_MAX + 1;
    const recs = Array.from({ length: n }, (_, i) =>
      makeRecord({ id: `r${i}`, steps: 2000, logEvery: 10, seed: i % 3 }),
    );
    recs.push({ ...makeRecord({ id: 'bad', steps: 2000, logEvery: 10 }), status: 'diverged' });
    writeFileSync(join(dir, 'w.jsonl'), toJsonl(recs));
    const r = await loadResultsDirs([dir]);
    expect(r.records).toHaveLength(n + 1);
    const first = r.records[0]!;
    const diverged = r.records.find((x) => x.id === 'bad')!;
    expect(first.history).toHaveLength(BIG_SET_HISTORY_POINTS);
    expect(first.history[0]!.step).toBe(0);
    expect(first.history.at(-1)!.step).toBe(2000);
    expect(first.final?.gram).toBeNull();
    expect(diverged.history.length).toBeGreaterThan(BIG_SET_HISTORY_POINTS);
    expect(diverged.final?.gram).not.toBeNull();
  }, 60_000);
  it('a directory without result files is reported, not fatal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ansatz-load-'));
    const r = await loadResultsDirs([root]);
    expect(r.records).toEqual([]);
    expect(r.issues.map((i) => i.kind)).toEqual(['no-files']);
  });
});
