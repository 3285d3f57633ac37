import { readSpecFile, parseSpecText, type SpecSource } from './parse-spec.js';
import { validateSpec, type Scalar, type Spec } from './spec-schema.js';
import { scanSpec, type Cell, type ExpandOptions } from './expand.js';
import type { CellTable } from './cell-table.js';

/** A spec read, validated and expanded: everything a command needs. */
export interface LoadedSpec {
  source: SpecSource;
  spec: Spec;
  /**
   * Every cell in expansion order (one per entry of `table`); built on first use when lazy (so
   * do not spread a lazy LoadedSpec: that reads this getter).
   */
  readonly cells: Cell[];
  /** The cells as a compact table: ids, costs and grid indices (what planning works on). */
  table: CellTable;
  /** The cell of one entry of `table`, without building the others. */
  cellAt: (entry: number) => Cell;
  warnings: string[];
  /** `--set` overrides the cells were expanded with (absent: none). */
  overrides?: Readonly<Record<string, Scalar>>;
}

/** How a spec is loaded. */
export interface LoadOptions extends ExpandOptions {
  /**
   * `lazy`: keep only the table and build cells when asked (a 10⁶-cell plan holds no configs);
   * `eager` (default): keep every cell as it is expanded.
   */
  cells?: 'eager' | 'lazy';
}

/** The `overrides` of a LoadedSpec: absent when there are none. */
function withOverrides(options: ExpandOptions | undefined): Pick<LoadedSpec, 'overrides'> {
  const overrides = options?.overrides;
  return overrides !== undefined && Object.keys(overrides).length > 0 ? { overrides } : {};
}

function load(source: SpecSource, options: LoadOptions | undefined): LoadedSpec {
  const spec = validateSpec(source);
  const kept: Cell[] | undefined = options?.cells === 'lazy' ? undefined : [];
  let cells = kept;
  const scan = scanSpec(source, spec, options, kept && ((c) => kept.push(c)));
  const { table, warnings } = scan;
  return {
    source,
    spec,
    get cells() {
      cells ??= Array.from({ length: table.count }, (_, e) => scan.cellAt(e));
      return cells;
    },
    table,
    cellAt: kept ? (e) => kept[e]! : scan.cellAt,
    warnings,
    ...withOverrides(options),
  };
}

/** Parse, validate and expand spec text. Throws a `UserError` listing every problem. */
export function loadSpecText(text: string, file: string, options?: LoadOptions): LoadedSpec {
  return load(parseSpecText(text, file), options);
}

/** Read, parse, validate and expand a spec file. Throws a `UserError` listing every problem. */
export function loadSpecFile(file: string, options?: LoadOptions): LoadedSpec {
  return load(readSpecFile(file), options);
}

/** Cells with one entry per id (the first experiment that produced it). */
export function uniqueCells(cells: readonly Cell[]): Cell[] {
  const seen = new Set<string>();
  return cells.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}
