import { createHash, hash } from 'node:crypto';
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
  const text =
    (v === RECORD_VERSION ? flatCanonicalJson(config) : undefined) ?? canonicalJson({ v, config });
  return sha256Hex(text).slice(0, ID_LENGTH);
}

/** The key layout of the last flat config seen: its own keys, and `"key":` in sorted order. */
let layout: { own: string[]; sorted: string[]; prefixes: string[] } | undefined;

function layoutOf(own: string[]): { sorted: string[]; prefixes: string[] } {
  const last = layout;
  if (last && last.own.length === own.length && last.own.every((k, i) => k === own[i])) {
    return last;
  }
  const sorted = [...own].sort();
  layout = { own, sorted, prefixes: sorted.map((k) => `${JSON.stringify(k)}:`) };
  return layout;
}

/**
 * `canonicalJson({ v, config })` for a flat config (every value a scalar), written directly:
 * the same text, without building a sorted copy of each of a million configs (a sweep's
 * configs share one key layout). Undefined for a config with a nested value, which takes the
 * general path.
 */
function flatCanonicalJson(config: object): string | undefined {
  const rec = config as Record<string, unknown>;
  const { sorted, prefixes } = layoutOf(Object.keys(rec));
  let text = '{"config":{';
  let sep = '';
  for (let i = 0; i < sorted.length; i++) {
    const v = rec[sorted[i]!];
    let json: string;
    if (v === undefined) continue;
    if (typeof v === 'number') json = Number.isFinite(v) ? String(v) : 'null';
    else if (typeof v === 'string' || typeof v === 'boolean' || v === null)
      json = JSON.stringify(v);
    else return undefined;
    text += sep + prefixes[i]! + json;
    sep = ',';
  }
  return `${text}},"v":${JSON.stringify(RECORD_VERSION)}}`;
}

/** One-shot sha256 where Node has it (20.12+: no Hash object per id), else a Hash object. */
const sha256Hex: (text: string) => string =
  typeof hash === 'function'
    ? (text) => hash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text).digest('hex');

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
