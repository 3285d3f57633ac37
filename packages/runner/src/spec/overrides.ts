/**
 * `--set field=value` overrides (repeatable): applied to every cell after the spec's own
 * precedence (core defaults < defaults < set < rules < grid < --set), before derived values are
 * computed, so `--set depth=3` also changes a learning rate derived from depth. The cells are
 * new cells, with new ids. Each value is checked like a spec value; messages name the flag.
 */
import { parseValue } from '../select/where.js';
import { checkFieldValue, FIELD_SET, unknownFieldMessage } from './fields.js';
import type { Scalar } from './spec-schema.js';

export type Overrides = Record<string, Scalar>;

const SET = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;

/** Parse every `--set` flag; the last one of a field wins. Returns the overrides and problems. */
export function parseOverrides(texts: readonly string[] | string | undefined): {
  overrides: Overrides;
  problems: string[];
} {
  const list = texts === undefined ? [] : typeof texts === 'string' ? [texts] : texts;
  const overrides: Overrides = {};
  const problems: string[] = [];
  for (const text of list) {
    const flag = `--set "${text}"`;
    const m = SET.exec(text);
    if (!m) {
      problems.push(`${flag}: expected FIELD=VALUE, e.g. --set steps=10`);
      continue;
    }
    const field = m[1]!;
    const raw = m[2]!.trim();
    if (!FIELD_SET.has(field)) {
      problems.push(`${flag}: ${unknownFieldMessage(field)}`);
      continue;
    }
    if (raw === '') {
      problems.push(`${flag}: no value after =`);
      continue;
    }
    const value = parseValue(raw);
    const bad = checkFieldValue(field, value);
    if (bad) {
      problems.push(`${flag}: ${bad}`);
      continue;
    }
    overrides[field] = value;
  }
  return { overrides, problems };
}

/** `--set a=1 --set b=x` as flags, e.g. for the `runner sweep` line of a Slurm script. */
export function overridesArgv(overrides: Readonly<Overrides>): string[] {
  return Object.entries(overrides).flatMap(([k, v]) => ['--set', `${k}=${String(v)}`]);
}
