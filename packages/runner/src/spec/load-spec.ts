import { readSpecFile, parseSpecText, type SpecSource } from './parse-spec.js';
import { validateSpec, type Scalar, type Spec } from './spec-schema.js';
import { expandSpec, type Cell, type ExpandOptions } from './expand.js';

/** A spec read, validated and expanded: everything a command needs. */
export interface LoadedSpec {
  source: SpecSource;
  spec: Spec;
  cells: Cell[];
  warnings: string[];
  /** `--set` overrides the cells were expanded with (absent: none). */
  overrides?: Readonly<Record<string, Scalar>>;
}

/** The `overrides` of a LoadedSpec: absent when there are none. */
function withOverrides(options: ExpandOptions | undefined): Pick<LoadedSpec, 'overrides'> {
  const overrides = options?.overrides;
  return overrides !== undefined && Object.keys(overrides).length > 0 ? { overrides } : {};
}

/** Parse, validate and expand spec text. Throws a `UserError` listing every problem. */
export function loadSpecText(text: string, file: string, options?: ExpandOptions): LoadedSpec {
  const source = parseSpecText(text, file);
  const spec = validateSpec(source);
  const { cells, warnings } = expandSpec(source, spec, options);
  return { source, spec, cells, warnings, ...withOverrides(options) };
}

/** Read, parse, validate and expand a spec file. Throws a `UserError` listing every problem. */
export function loadSpecFile(file: string, options?: ExpandOptions): LoadedSpec {
  const source = readSpecFile(file);
  const spec = validateSpec(source);
  const { cells, warnings } = expandSpec(source, spec, options);
  return { source, spec, cells, warnings, ...withOverrides(options) };
}

/** Cells with one entry per id (the first experiment that produced it). */
export function uniqueCells(cells: readonly Cell[]): Cell[] {
  const seen = new Set<string>();
  return cells.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}
