import { createHash } from 'node:crypto';
import { RECORD_VERSION } from '@ansatz/results';

// The record version is part of every id (DESIGN.md §3 "Run record"); @ansatz/results owns it.
export { RECORD_VERSION };

/** Hex characters kept from the sha256: 64 bits, ample for any sweep. */
export const ID_LENGTH = 16;

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * The id of a run: sha256 of the canonical JSON of `{ v, config }` where `config` is the fully
 * resolved run config. Same config → same id; any change of any field → a new id.
 */
export function runId(config: object, v: number = RECORD_VERSION): string {
  const text = canonicalJson({ v, config });
  return createHash('sha256').update(text).digest('hex').slice(0, ID_LENGTH);
}

/**
 * The runner's check of a stored record (`ReadOptions.verify` of @ansatz/results): a record of
 * the current version whose id is not the hash of its config was edited or damaged, and must
 * not count as done — the message says so and the reader skips it (its cell runs again).
 * Records of older versions match no current cell anyway and are left alone.
 */
export function verifyRecordId(record: {
  id: string;
  v: number;
  config?: unknown;
}): string | undefined {
  if (record.v !== RECORD_VERSION) return undefined;
  const config = record.config;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    return `record ${record.id} has no config object, so its id cannot be checked`;
  }
  const expected = runId(config);
  return expected === record.id
    ? undefined
    : `id ${record.id} does not match its config (which hashes to ${expected}): edited or damaged, not counted as done`;
}
