import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { throwIfProblems } from './flag-problems.js';
import {
  parseSelectionArgs,
  selectionOptions,
  type SelectionArgs,
} from '../select/selection-flags.js';

interface StatusArgs extends SelectionArgs {
  target: string;
  out?: string | undefined;
  json: boolean;
}

/** `runner status <spec | DIR>` — per experiment: done, missing, failed, diverged. */
export const statusCommand: CommandModule<object, StatusArgs> = {
  command: 'status <target>',
  describe: 'per experiment: cells done / ok / diverged / failed / missing, and unreadable lines',
  builder: (y: Argv) =>
    selectionOptions(y)
      .positional('target', {
        type: 'string',
        demandOption: true,
        describe: 'sweep spec (YAML) or results directory',
      })
      .option('out', {
        type: 'string',
        describe: 'results directory of a spec [default: results/<name>]',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print the status as JSON',
      }) as unknown as Argv<StatusArgs>,
  handler: async (args: ArgumentsCamelCase<StatusArgs>) => {
    const picked = parseSelectionArgs(args);
    throwIfProblems(picked.problems);
    const { sweepStatus, formatStatus } = await import('../status/status.js');
    const s = await sweepStatus(args.target, args.out, picked.selection);
    process.stdout.write(`${args.json ? JSON.stringify(s, null, 2) : formatStatus(s)}\n`);
  },
};
