import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tempDir = (prefix = 'ansatz-results-'): string => mkdtempSync(join(tmpdir(), prefix));

/** A minimal record envelope of the current version, with overrides. */
export function envelope(id: string, status: string, finishedAt: string, extra: object = {}) {
  return {
    v: 2,
    id,
    sweep: 's',
    experiment: 'e',
    config: { depth: 2 },
    status,
    finishedAt,
    ...extra,
  };
}
