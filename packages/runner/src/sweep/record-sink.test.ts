import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { JsonlWriter, ResultsWriteError } from '@ansatz/results';
import { describe, expect, it, vi } from 'vitest';
import { RecordSink } from './record-sink.js';

const dir = () => mkdtempSync(join(tmpdir(), 'ansatz-sink-'));

describe('RecordSink', () => {
  it('commits the records added in one turn as one batch, in order', async () => {
    const writer = new JsonlWriter(dir(), 'w.jsonl');
    const batches: number[] = [];
    const write = writer.write.bind(writer);
    vi.spyOn(writer, 'write').mockImplementation((rs) => {
      batches.push(rs.length);
      return write(rs);
    });
    const sink = new RecordSink(writer, () => {
      throw new Error('no write error expected');
    });
    for (const id of ['a', 'b', 'c']) sink.add({ id });
    expect(batches).toEqual([]);
    await nextTurn();
    expect(batches).toEqual([3]);
    sink.add({ id: 'd' }); // waits for the fsync of the first batch, then goes out alone
    await sink.close();
    expect(batches).toEqual([3, 1]);
    const ids = readFileSync(writer.path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports a write error once, tells each record whether it was written, drops later ones', async () => {
    const d = dir();
    writeFileSync(join(d, 'not-a-dir'), '');
    const writer = new JsonlWriter(join(d, 'not-a-dir'), 'w.jsonl');
    const onError = vi.fn();
    const outcomes: [string, boolean][] = [];
    const sink = new RecordSink(writer, onError);
    sink.add({ id: 'a' }, (w) => outcomes.push(['a', w]));
    await nextTurn();
    expect(onError).toHaveBeenCalledTimes(1);
    const error = sink.error as ResultsWriteError;
    expect(error).toBeInstanceOf(ResultsWriteError);
    expect(error.path).toBe(writer.path);
    sink.add({ id: 'b' }, (w) => outcomes.push(['b', w]));
    await nextTurn();
    expect(onError).toHaveBeenCalledTimes(1);
    await sink.close(); // never throws: the caller reads sink.error
    expect(outcomes).toEqual([
      ['a', false],
      ['b', false],
    ]);
  });

  it('reports a record written only once its batch is on disk', async () => {
    const writer = new JsonlWriter(dir(), 'w.jsonl');
    const sink = new RecordSink(writer, () => {
      throw new Error('no write error expected');
    });
    const outcomes: boolean[] = [];
    sink.add({ id: 'a' }, (w) => outcomes.push(w));
    expect(outcomes).toEqual([]);
    await sink.close();
    expect(outcomes).toEqual([true]);
  });
});
