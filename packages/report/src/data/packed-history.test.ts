import { describe, expect, it } from 'vitest';
import { makeRecord } from '../test-support/records.js';
import { packHistory, packRecordHistory, unpackHistory } from './packed-history.js';
import { toRecord } from './parse.js';
import type { RunRecord } from './record.js';

const record = (o: Parameters<typeof makeRecord>[0]) =>
  toRecord(makeRecord(o), { file: 'f.jsonl', line: 1 }) as RunRecord;

describe('packed history', () => {
  it('round-trips every field, missing metrics included', () => {
    const r = record({ id: 'a', steps: 1000, logEvery: 100 });
    const points = r.history.map((h, i) => (i === 3 ? { ...h, alphaHat: null, time: null } : h));
    const back = unpackHistory(packHistory(points));
    expect(back).toEqual(points);
    expect(back[3]!.alphaHat).toBeNull();
    expect(back[4]!.alphaHat).not.toBeNull();
  });

  it('serves the same history through the getter, as a fresh array each time', () => {
    const r = record({ id: 'b', steps: 500, logEvery: 50 });
    const before = r.history.map((h) => ({ ...h }));
    packRecordHistory(r);
    expect(r.history).toEqual(before);
    expect(r.history).not.toBe(r.history);
    expect(Object.keys(r)).toContain('history');
  });

  it('downsamples to `keep` points, keeping the first and the last', () => {
    const r = record({ id: 'c', steps: 1000, logEvery: 10 });
    const full = r.history;
    expect(full.length).toBe(101);
    packRecordHistory(r, 20);
    const kept = r.history;
    expect(kept.length).toBe(20);
    expect(kept[0]).toEqual(full[0]);
    expect(kept[19]).toEqual(full[100]);
    expect(kept.map((h) => h.step)).toEqual([...kept.map((h) => h.step)].sort((a, b) => a - b));
  });
});
