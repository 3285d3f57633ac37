#!/usr/bin/env node
// The `runner` CLI: one program for the commands of @ansatz/runner (sweep, status, export, slurm,
// k8s) and @ansatz/report (report, verdicts, preview), registered explicitly in that order.
import { reportCommands } from '@ansatz/report';
import { runnerCommands, UserError } from '@ansatz/runner';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { describeError } from './describe-error.js';

async function main(argv: string[]): Promise<void> {
  try {
    let cli = yargs(argv).scriptName('runner').usage('$0 <command> [options]');
    for (const command of [...runnerCommands, ...reportCommands]) cli = cli.command(command);
    await cli
      .demandCommand(
        1,
        'give a command: sweep, status, export, slurm, k8s, report, verdicts or preview (see --help)',
      )
      .completion(
        'completion',
        'print a shell completion script (bash, zsh): runner completion >> ~/.bashrc',
      )
      .strict()
      .version(false)
      .help()
      .wrap(100)
      .fail((msg, err) => {
        // yargs reports some bad command lines (e.g. `--out` without its value) as a YError.
        if (err && err.name !== 'YError') throw err;
        throw new UserError(`${msg ?? err?.message} (see runner --help)`);
      })
      .parseAsync();
  } catch (err) {
    const { text, code } = describeError(err);
    process.stderr.write(`${text}\n`);
    process.exitCode = code;
  }
}

await main(hideBin(process.argv));
