import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { LoadedSpec } from '../spec/load-spec.js';

export const SNAPSHOT_JSON = 'spec.json';
export const SNAPSHOT_YAML = 'spec.yaml';

/** What `spec.json` holds: the resolved spec and, per experiment, the ids of its cells. */
export interface SpecSnapshot {
  v: 1;
  name: string;
  /** The spec file the sweep was started from, as given on the command line. */
  source: string;
  writtenAt: string;
  spec: LoadedSpec['spec'];
  experiments: Record<string, { ids: string[] }>;
}

const snapshotShape = z.looseObject({
  v: z.literal(1),
  name: z.string(),
  source: z.string(),
  spec: z.record(z.string(), z.unknown()),
  experiments: z.record(z.string(), z.object({ ids: z.array(z.string()) })),
});

/** Build the snapshot of a loaded spec. */
export function makeSnapshot(loaded: LoadedSpec): SpecSnapshot {
  const experiments: Record<string, { ids: string[] }> = {};
  for (const name of Object.keys(loaded.spec.experiments)) experiments[name] = { ids: [] };
  for (const c of loaded.cells) experiments[c.experiment]!.ids.push(c.id);
  return {
    v: 1,
    name: loaded.spec.name,
    source: loaded.source.file,
    writtenAt: new Date().toISOString(),
    spec: loaded.spec,
    experiments,
  };
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Write `spec.json` and `spec.yaml` (the source text) into the results directory. Each file is
 * replaced atomically, so concurrent shards never leave a half-written snapshot.
 */
export function writeSnapshot(dir: string, loaded: LoadedSpec): void {
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, SNAPSHOT_JSON), `${JSON.stringify(makeSnapshot(loaded), null, 2)}\n`);
  writeAtomic(join(dir, SNAPSHOT_YAML), loaded.source.text);
}

/** Read the snapshot of a results directory, or undefined when it has none. */
export function readSnapshot(dir: string): SpecSnapshot | undefined {
  const path = join(dir, SNAPSHOT_JSON);
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const r = snapshotShape.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UserError(
      `${path}: not a spec snapshot (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`,
    );
  }
  return value as SpecSnapshot;
}
