import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRecord, toJsonl } from '../test-support/records.js';
import { loadResultsDirs } from './load.js';
import { dedupeRecords, parseJsonl } from './parse.js';

describe('parseJsonl', () => {
  it('reports a bad line in the middle with its line number and keeps the rest', () => {
    const a = JSON.stringify(makeRecord({ id: 'a' }));
    const b = JSON.stringify(makeRecord({ id: 'b' }));
    const r = parseJsonl(`${a}\n{oops\n${b}\n`, 'f.jsonl');
    expect(r.records.map((x) => x.id)).toEqual(['a', 'b']);
    expect(r.issues).toEqual([
      { kind: 'bad-line', where: 'f.jsonl:2', message: expect.any(String) },
    ]);
  });
  it('a bad last line followed by a newline is not torn but bad', () => {
    const r = parseJsonl('{"id":\n', 'f.jsonl');
    expect(r.issues.map((i) => i.kind)).toEqual(['bad-line']);
  });
  it('rejects records without id or with an unknown status, naming the field', () => {
    const r = parseJsonl('{"status":"ok"}\n{"id":"x","status":"done"}\n', 'f.jsonl');
    expect(r.records).toHaveLength(0);
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('"id"'),
      expect.stringContaining('"status" is "done"'),
    ]);
  });
  it('turns non-finite metrics into null', () => {
    const rec = makeRecord({ id: 'a' }) as { history: Record<string, unknown>[] };
    rec.history[0]!.loss = 'NaN';
    const r = parseJsonl(JSON.stringify(rec), 'f.jsonl');
    expect(r.records[0]!.history[0]!.loss).toBeNull();
  });
});

describe('dedupeRecords', () => {
  it('prefers ok over failed whatever the order, then the latest finish', () => {
    const recs = parseJsonl(
      toJsonl([
        makeRecord({ id: 'x', status: 'failed', finishedAt: '2026-01-03T00:00:00Z' }),
        makeRecord({ id: 'x', status: 'ok', seed: 1, finishedAt: '2026-01-01T00:00:00Z' }),
        makeRecord({ id: 'x', status: 'ok', seed: 2, finishedAt: '2026-01-02T00:00:00Z' }),
        makeRecord({ id: 'y', status: 'failed' }),
      ]),
      'f.jsonl',
    ).records;
    const d = dedupeRecords(recs);
    expect(d.map((r) => [r.id, r.status, r.config.seed])).toEqual([
      ['x', 'ok', 2],
      ['y', 'failed', 0],
    ]);
  });
});

describe('loadResultsDirs', () => {
  it('unions every *.jsonl of several dirs and reports missing dirs and torn lines', () => {
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
    const r = loadResultsDirs([d1, d2, join(root, 'nope')]);
    expect(r.files).toHaveLength(3);
    expect(r.rawCount).toBe(4);
    expect(r.records.map((x) => [x.id, x.status])).toEqual([
      ['1', 'ok'],
      ['2', 'ok'],
      ['4', 'ok'],
    ]);
    expect(r.issues.map((i) => i.kind).sort()).toEqual(['missing-dir', 'torn-line']);
  });
});
