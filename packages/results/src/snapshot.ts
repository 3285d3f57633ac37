/**
 * The spec snapshot of a results directory (DESIGN.md §3 "Results directory"): `spec.json`, the
 * resolved spec and, per experiment, the ids of its cells, and `spec.yaml`, the source text.
 * With it, `status` and `export` know a directory's experiments without the spec file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const SNAPSHOT_JSON = 'spec.json';
export const SNAPSHOT_YAML = 'spec.yaml';

export interface SpecSnapshot {
  v: 1;
  name: string;
  /** The spec file the sweep was started from, as given on the command line. */
  source: string;
  writtenAt: string;
  /** The resolved spec (the runner's spec object, as JSON). */
  spec: Record<string, unknown>;
  /** `runner sweep --set` overrides the cells were expanded with (their ids are in experiments). */
  overrides?: Record<string, string | number | boolean>;
  experiments: Record<string, { ids: string[] }>;
}

const snapshotShape = z.looseObject({
  v: z.literal(1),
  name: z.string(),
  source: z.string(),
  spec: z.record(z.string(), z.unknown()),
  experiments: z.record(z.string(), z.object({ ids: z.array(z.string()) })),
});

/** A snapshot that cannot be read: the message names the file and what is wrong. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Write `spec.json` and `spec.yaml` into the results directory, each replaced atomically, so
 * concurrent shards never leave a half-written snapshot.
 */
export function writeSnapshot(dir: string, snapshot: SpecSnapshot, sourceText: string): void {
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, SNAPSHOT_JSON), `${JSON.stringify(snapshot, null, 2)}\n`);
  writeAtomic(join(dir, SNAPSHOT_YAML), sourceText);
}

/** The snapshot of a results directory, or undefined when it has none. */
export function readSnapshot(dir: string): SpecSnapshot | undefined {
  const path = join(dir, SNAPSHOT_JSON);
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SnapshotError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const r = snapshotShape.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new SnapshotError(
      `${path}: not a spec snapshot (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`,
    );
  }
  return value as SpecSnapshot;
}
