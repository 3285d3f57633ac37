/**
 * The run record (DESIGN.md §3 "Run record"): one JSON object per line of a results file. The
 * zod schemas are the contract; the JSON Schema in schema/run-record.schema.json is generated
 * from `runRecordSchema` at build time. Extra fields are allowed everywhere.
 */
import { z } from 'zod';
import { RECORD_VERSION } from './version.js';

export const RUN_STATUSES = ['ok', 'diverged', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const QUALITY_FLAGS = [
  'not-fit',
  'collapsed',
  'alpha-at-bound',
  'alpha-unidentifiable',
] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/** A metric: a finite number, or null where it is undefined (JSON has no NaN). */
const metric = z.number().nullable();

const historyPointSchema = z.looseObject({
  step: z.number().int().min(0),
  time: z.number(),
  loss: metric,
  nfaCorr: metric,
  nfaCorrHalf: metric,
  nfaPearson: metric,
  alphaHat: metric,
  imbalance: metric,
  nfaCorrBest: metric.optional().describe('from record version 2'),
  nfaCorrCentredBest: metric.optional().describe('from record version 2'),
});

const matrixSchema = z.array(z.array(z.number()));

const baselinesSchema = z.looseObject({
  isotropicBest: metric,
  randomBest: metric,
  randomCentredBest: metric,
  initialBest: metric,
  initialCentredBest: metric,
});

const finalSchema = historyPointSchema.extend({
  alphaHatSpectral: metric,
  imbalanceRel: metric,
  nfaCorrBest: metric,
  alphaHatCentred: metric.optional().describe('from record version 2'),
  baselines: baselinesSchema.optional().describe('from record version 2'),
  gram: matrixSchema,
  agop: matrixSchema,
});

/**
 * What every reader relies on: the envelope of a record. A line that parses as JSON but fails
 * this is not a run record (reported, skipped). Records of every version up to RECORD_VERSION pass.
 */
export const recordEnvelopeSchema = z.looseObject({
  v: z.number().int().min(1).max(RECORD_VERSION),
  id: z.string().min(1),
  sweep: z.string(),
  experiment: z.string(),
  config: z.record(z.string(), z.unknown()),
  status: z.enum(RUN_STATUSES),
  finishedAt: z.string(),
  rerun: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'rerun round (absent = 0): written by runner sweep --rerun as 1 + the round of the record it replaces; a higher round wins the dedupe whatever the status',
    ),
});

/** The full record as the runner writes it at RECORD_VERSION (the published contract). */
export const runRecordSchema = recordEnvelopeSchema.extend({
  v: z.literal(RECORD_VERSION),
  config: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .describe('every run-config field, defaults filled in (DESIGN.md §3 "Run config")'),
  error: z.string().optional().describe('why the run is not ok'),
  history: z.array(historyPointSchema),
  final: finalSchema.nullable(),
  flags: z.array(z.enum(QUALITY_FLAGS)),
  quality: z.looseObject({ lossRatio: metric, agopRank: z.number().int().min(0) }),
  timing: z.looseObject({
    seconds: z.number(),
    stepsPerSecond: z.number(),
    metricsSeconds: z.number(),
  }),
  backend: z.string(),
  engine: z.string(),
  host: z.string(),
  attempts: z.number().int().min(1),
  weights: z
    .array(matrixSchema)
    .optional()
    .describe('final W_1 … W_L (out × in), only with runner sweep --save-weights'),
});

/** The fields every reader relies on; the rest of the record passes through untyped. */
export type RecordEnvelope = z.infer<typeof recordEnvelopeSchema>;
export type HistoryPointRecord = z.infer<typeof historyPointSchema>;
export type FinalRecord = z.infer<typeof finalSchema>;
