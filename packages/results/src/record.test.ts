import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRecordJsonSchemaText } from './json-schema.js';
import { membershipOfCells, membershipOfSnapshot, experimentIds } from './membership.js';
import { recordEnvelopeSchema, runRecordSchema } from './record.js';
import { RECORD_VERSION } from './version.js';

const point = {
  step: 0,
  time: 0,
  loss: 1,
  nfaCorr: 0.9,
  nfaCorrHalf: 0.8,
  nfaPearson: 0.9,
  alphaHat: 0.5,
  imbalance: 0,
  nfaCorrBest: 0.9,
  nfaCorrCentredBest: 0.7,
};
const record = {
  v: RECORD_VERSION,
  id: 'abc',
  sweep: 's',
  experiment: 'e',
  config: { depth: 2, init: 'balanced' },
  status: 'ok',
  history: [point],
  final: {
    ...point,
    alphaHatSpectral: 0.5,
    imbalanceRel: 0,
    alphaHatCentred: 0.5,
    baselines: {
      isotropicBest: 0.6,
      randomBest: 0.7,
      randomCentredBest: 0,
      initialBest: 0.9,
      initialCentredBest: 0.7,
    },
    gram: [[1]],
    agop: [[1]],
  },
  flags: [],
  quality: { lossRatio: 0.01, agopRank: 1 },
  timing: { seconds: 1, stepsPerSecond: 1, metricsSeconds: 0 },
  backend: 'none',
  engine: 'linear',
  host: 'h',
  finishedAt: '2026-01-01T00:00:00Z',
  attempts: 1,
};

describe('the run record schema', () => {
  it('accepts a record of the current version and rejects what breaks the contract', () => {
    expect(runRecordSchema.safeParse(record).success).toBe(true);
    for (const bad of [
      { ...record, flags: ['odd'] },
      { ...record, status: 'done' },
      { ...record, history: [{ ...point, loss: 'NaN' }] },
      { ...record, v: 1 },
      { ...record, quality: undefined },
    ]) {
      expect(runRecordSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('the envelope accepts older records (the report normalises their missing fields)', () => {
    expect(recordEnvelopeSchema.safeParse({ ...record, v: 1, flags: undefined }).success).toBe(
      true,
    );
  });

  it('the committed JSON Schema is generated from the zod schema (run pnpm build if not)', () => {
    const committed = readFileSync(
      new URL('../schema/run-record.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(runRecordJsonSchemaText());
  });
});

describe('experiment membership', () => {
  const cells = [
    { id: 'a', experiment: 'depth' },
    { id: 'b', experiment: 'depth' },
    { id: 'a', experiment: 'optimizers' },
  ];
  it('a shared cell belongs to both experiments, once each', () => {
    expect([...membershipOfCells([...cells, cells[0]!])]).toEqual([
      ['a', ['depth', 'optimizers']],
      ['b', ['depth']],
    ]);
  });
  it('round-trips through a snapshot’s per-experiment ids', () => {
    const ids = experimentIds(['depth', 'optimizers', 'empty'], cells);
    expect(ids).toEqual({
      depth: { ids: ['a', 'b'] },
      optimizers: { ids: ['a'] },
      empty: { ids: [] },
    });
    expect(membershipOfSnapshot(ids)).toEqual(membershipOfCells(cells));
  });
});
