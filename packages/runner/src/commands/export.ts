import { writeFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { throwIfProblems } from './flag-problems.js';
import {
  parseSelectionArgs,
  selectionOptions,
  type SelectionArgs,
} from '../select/selection-flags.js';

interface ExportArgs extends SelectionArgs {
  dir: string;
  format: string;
  out?: string | undefined;
}

const FORMATS = ['csv', 'jsonl', 'parquet'];

/** `runner export <DIR>` — one deduplicated table of final metrics for pandas, R, DuckDB. */
export const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export <dir>',
  describe:
    'write one row per run (config fields and scalar final metrics) as CSV, JSONL or Parquet',
  builder: (y: Argv) =>
    selectionOptions(y)
      .positional('dir', { type: 'string', demandOption: true, describe: 'results directory' })
      .option('format', {
        type: 'string',
        default: 'csv',
        describe: `output format: ${FORMATS.join(', ')}`,
      })
      .option('out', {
        type: 'string',
        describe: 'output file [default: stdout]',
      }) as unknown as Argv<ExportArgs>,
  handler: async (args: ArgumentsCamelCase<ExportArgs>) => {
    const picked = parseSelectionArgs(args);
    throwIfProblems([
      ...picked.problems,
      FORMATS.includes(args.format)
        ? undefined
        : `--format ${args.format}: expected one of ${FORMATS.join(', ')}`,
      args.format === 'parquet' && args.out === undefined
        ? '--format parquet writes a binary file: give it a name with --out, e.g. --out runs.parquet'
        : undefined,
    ]);
    const { exportTable, toCsv, toJsonl } = await import('../export/export-table.js');
    const table = await exportTable(args.dir, picked.selection);
    for (const w of table.warnings) process.stderr.write(`warning: ${w}\n`);
    let text: string | Uint8Array;
    if (args.format === 'parquet') {
      const { toParquet } = await import('../export/parquet.js');
      text = toParquet(table);
    } else text = args.format === 'csv' ? toCsv(table) : toJsonl(table);
    if (args.out === undefined) {
      process.stdout.write(text);
      return;
    }
    try {
      writeFileSync(args.out, text);
    } catch (err) {
      throw new UserError(
        `--out ${args.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      );
    }
    process.stderr.write(`wrote ${table.rows.length} row(s) to ${args.out}\n`);
  },
};
