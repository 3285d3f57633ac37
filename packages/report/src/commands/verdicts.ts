import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { SiteInputError } from '../build-site.js';

/** Exit codes of `runner verdicts` (2, bad input, is the CLI's for SiteInputError). */
export const VERDICTS_EXIT = { allPass: 0, notAllPass: 1 } as const;

interface VerdictsArgs {
  dirs: string[];
  json: boolean;
  tables: boolean;
}

/**
 * `runner verdicts <DIR…> [--json] [--tables]` — each claim's verdict on the results, computed as
 * the site's Overview computes it. Exit 0 when every claim passes, 1 when one fails or lacks
 * data, 2 on bad input: a gate a research repository can run in CI.
 */
export const verdictsCommand: CommandModule<object, VerdictsArgs> = {
  command: 'verdicts <dirs..>',
  describe: 'judge each claim on the results; exit 0 only when every claim passes',
  builder: (y: Argv) =>
    y
      .positional('dirs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'results directories (*.jsonl run records), e.g. results/full',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print every verdict (state, numbers, rule, exclusions, tables) as JSON',
      })
      .option('tables', {
        type: 'boolean',
        default: false,
        describe: 'with the text output: print each verdict’s tables and rule too',
      }) as unknown as Argv<VerdictsArgs>,
  handler: async (args: ArgumentsCamelCase<VerdictsArgs>) => {
    const { verdictsForDirs } = await import('../data/verdicts-for-dirs.js');
    const { verdictsText } = await import('../data/verdicts-text.js');
    const report = await verdictsForDirs(args.dirs);
    if (report.inputProblems.length > 0) throw new SiteInputError(report.inputProblems);
    process.stdout.write(
      args.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : verdictsText(report, { tables: args.tables }),
    );
    process.exitCode = report.pass ? VERDICTS_EXIT.allPass : VERDICTS_EXIT.notAllPass;
  },
};
