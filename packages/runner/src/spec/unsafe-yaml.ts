import { isScalar, visit, type Document, type LineCounter } from 'yaml';

/**
 * Keys that name JavaScript object machinery rather than data. Converted to plain objects they
 * would be dropped or, worse, change a prototype; no run-config field, experiment or spec key
 * is called so, so they are refused with their position instead.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Problems of a parsed spec document that YAML itself accepts: forbidden keys and tags the
 * YAML schema does not know (`!foo adam`, which would silently become the plain string
 * "adam"). One `file:line:col message` each.
 */
export function unsafeYamlProblems(doc: Document, counter: LineCounter, file: string): string[] {
  const at = (offset: number) => {
    const { line, col } = counter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const problems: string[] = [];
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? 'a tag';
    problems.push(
      `${at(w.pos[0])} unknown YAML tag ${tag}: specs use plain values (remove the tag)`,
    );
  }
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (!FORBIDDEN_KEYS.has(key)) return;
      const pos = pair.key.range ? at(pair.key.range[0]) : file;
      problems.push(
        `${pos} key "${key}" is not allowed (it names JavaScript object machinery, not a field)`,
      );
    },
  });
  return problems;
}
