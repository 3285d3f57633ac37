import { RUN_CONFIG_FIELDS, runConfigSchema } from '@ansatz/core';
import type { Scalar } from './spec-schema.js';

/** Names of the run-config fields a spec may set, as a set. */
export const FIELD_SET: ReadonlySet<string> = new Set<string>(RUN_CONFIG_FIELDS);

/** Closest known field name (by edit distance), if it is close enough to be a likely typo. */
export function suggestField(name: string): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const field of RUN_CONFIG_FIELDS) {
    const d = editDistance(name.toLowerCase(), field.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = field;
    }
  }
  return bestDist <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** "unknown run-config field" message naming a likely fix and every valid field. */
export function unknownFieldMessage(name: string): string {
  const hint = suggestField(name);
  return (
    `unknown run-config field "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
    `fields: ${RUN_CONFIG_FIELDS.join(', ')}`
  );
}

/** Check one value against the schema of one field; returns the problem, or undefined. */
export function checkFieldValue(field: string, value: Scalar): string | undefined {
  const shape = runConfigSchema.shape as Record<string, { safeParse(v: unknown): unknown }>;
  const schema = shape[field];
  if (!schema) return unknownFieldMessage(field);
  const r = schema.safeParse(value) as {
    success: boolean;
    error?: { issues: { message: string }[] };
  };
  return r.success ? undefined : (r.error?.issues[0]?.message ?? 'invalid value');
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
