#!/usr/bin/env node
// The `runner` CLI: registers each command module explicitly (add new commands here).
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { describeError, UserError } from './errors.js';
import { exportCommand } from './commands/export.js';
import { reportCommand } from './commands/report.js';
import { scaleOutCommand } from './commands/scale-out-command.js';
import { statusCommand } from './commands/status.js';
import { sweepCommand } from './commands/sweep.js';
import { verdictsCommand } from './commands/verdicts.js';
import { k8sTarget } from './scale-out/k8s-target.js';
import { slurmTarget } from './scale-out/slurm-target.js';

async function main(argv: string[]): Promise<void> {
  try {
    await yargs(argv)
      .scriptName('runner')
      .usage('$0 <command> [options]')
      .command(sweepCommand)
      .command(statusCommand)
      .command(exportCommand)
      .command(scaleOutCommand(slurmTarget))
      .command(scaleOutCommand(k8sTarget))
      .command(reportCommand)
      .command(verdictsCommand)
      .demandCommand(
        1,
        'give a command: sweep, status, export, report, verdicts, slurm or k8s (see --help)',
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
