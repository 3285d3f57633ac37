import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../errors.js';
import { readBoundedFile } from './read-bounded.js';
import { unsafeYamlProblems } from './unsafe-yaml.js';

/** A key path into the spec document, e.g. ['experiments', 'depth', 'grid', 'depth', 2]. */
export type SpecPath = readonly (string | number)[];

/**
 * Upper bound on alias expansions when converting YAML to plain data: anchors and aliases
 * are fine for sharing settings, but a "billion laughs" document is rejected.
 */
export const MAX_ALIAS_COUNT = 200;

/** Upper bound on the spec file size; specs are small, a huge file is a mistake. */
export const MAX_SPEC_BYTES = 1_000_000;

/** A parsed spec file that can say where any of its values came from. */
export interface SpecSource {
  /** The file name as the user gave it (used in messages). */
  file: string;
  text: string;
  /** The plain data of the document. */
  data: unknown;
  /**
   * `file:line:col path` for a key path: the position of the value, or of the key itself when
   * `key` is true (the position is omitted when the path has no node).
   */
  where(path: SpecPath, key?: boolean): string;
}

/** Format a key path as `experiments.depth.grid.depth[2]`. */
export function formatPath(path: SpecPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function keyNode(doc: Document, path: SpecPath): unknown {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1));
  return pair?.key;
}

function positionOf(
  doc: Document,
  counter: LineCounter,
  path: SpecPath,
  key: boolean,
): string | undefined {
  const at = key && path.length > 0 ? keyNode(doc, path) : undefined;
  if (isNode(at) && at.range) {
    const { line, col } = counter.linePos(at.range[0]);
    return `${line}:${col}`;
  }
  // Walk down as far as the path exists, so a missing leaf still points at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const { line, col } = counter.linePos(node.range[0]);
      return `${line}:${col}`;
    }
  }
  return undefined;
}

/** Parse YAML text into a `SpecSource`; syntax errors become one `UserError` listing them all. */
export function parseSpecText(text: string, file: string): SpecSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems = [...doc.errors].map((e) => {
    const pos = counter.linePos(e.pos[0]);
    const at = `${file}:${pos.line}:${pos.col}`;
    if (e.code === 'DUPLICATE_KEY') {
      const key = keyAt(text, e.pos[0]);
      return `${at} duplicate key${key ? ` "${key}"` : ''}: keys must be unique (experiment names too)`;
    }
    return `${at} YAML syntax error: ${e.message.split('\n')[0]}`;
  });
  if (problems.length === 0) problems.push(...unsafeYamlProblems(doc, counter, file));
  if (problems.length > 0) throw new UserError(problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UserError(
      `${file}: YAML aliases expand too much (${message}); at most ${MAX_ALIAS_COUNT} alias expansions are allowed`,
    );
  }
  return {
    file,
    text,
    data,
    where(path, key = false) {
      const pos = positionOf(doc, counter, path, key);
      const name = formatPath(path);
      return `${file}${pos ? `:${pos}` : ''}${name ? ` ${name}` : ''}`;
    },
  };
}

function keyAt(text: string, offset: number): string | undefined {
  const rest = text.slice(offset);
  const m = /^\s*["']?([^"':\n]+)["']?\s*:/.exec(rest);
  return m?.[1]?.trim();
}

/**
 * Read and parse a spec file; a missing or unreadable file, one that is not a regular file
 * (directory, FIFO, device) or one over MAX_SPEC_BYTES is a `UserError` (see read-bounded.ts).
 */
export function readSpecFile(file: string): SpecSource {
  return parseSpecText(readBoundedFile(file, MAX_SPEC_BYTES).toString('utf8'), file);
}
