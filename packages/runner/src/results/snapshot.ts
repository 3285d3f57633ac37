import {
  experimentIds,
  readSnapshot as readStoredSnapshot,
  SnapshotError,
  writeSnapshot as writeStoredSnapshot,
  type SpecSnapshot,
} from '@ansatz/results';
import { UserError } from '../errors.js';
import { idOf } from '../spec/cell-table.js';
import type { LoadedSpec } from '../spec/load-spec.js';

export { SNAPSHOT_JSON, SNAPSHOT_YAML } from '@ansatz/results';
export type { SpecSnapshot } from '@ansatz/results';

/** Each cell's id and experiment, from the table (a lazily loaded spec builds no cell). */
function* entriesOf(loaded: LoadedSpec): Generator<{ id: string; experiment: string }> {
  const t = loaded.table;
  for (let e = 0; e < t.count; e++) {
    yield { id: idOf(t, e), experiment: t.experiments[t.experiment[e]!]! };
  }
}

/** The snapshot of a loaded spec: the resolved spec and each experiment's ids. */
export function makeSnapshot(loaded: LoadedSpec): SpecSnapshot {
  return {
    v: 1,
    name: loaded.spec.name,
    source: loaded.source.file,
    writtenAt: new Date().toISOString(),
    spec: loaded.spec as unknown as Record<string, unknown>,
    ...(loaded.overrides ? { overrides: { ...loaded.overrides } } : {}),
    experiments: experimentIds(Object.keys(loaded.spec.experiments), entriesOf(loaded)),
  };
}

/** Write `spec.json` and `spec.yaml` into the results directory (each replaced atomically). */
export function writeSnapshot(dir: string, loaded: LoadedSpec): void {
  writeStoredSnapshot(dir, makeSnapshot(loaded), loaded.source.text);
}

/** The snapshot of a results directory, or undefined; a damaged one is a `UserError`. */
export function readSnapshot(dir: string): SpecSnapshot | undefined {
  try {
    return readStoredSnapshot(dir);
  } catch (err) {
    if (err instanceof SnapshotError) throw new UserError(err.message);
    throw err;
  }
}
