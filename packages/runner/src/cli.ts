#!/usr/bin/env node
// The `runner` CLI: registers each command module explicitly (add new commands here).
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { describeError, UserError } from './errors.js';
import { exportCommand } from './commands/export.js';
import { k8sCommand } from './commands/k8s.js';
import { reportCommand } from './commands/report.js';
import { slurmCommand } from './commands/slurm.js';
import { statusCommand } from './commands/status.js';
import { sweepCommand } from './commands/sweep.js';
import { verdictsCommand } from './commands/verdicts.js';

async function main(argv: string[]): Promise<void> {
  try {
    await yargs(argv)
      .scriptName('runner')
      .usage('$0 <command> [options]')
      .command(sweepCommand)
      .command(statusCommand)
      .command(exportCommand)
      .command(slurmCommand)
      .command(k8sCommand)
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
        if (err) throw err;
        throw new UserError(`${msg} (see runner --help)`);
      })
      .parseAsync();
  } catch (err) {
    const { text, code } = describeError(err);
    process.stderr.write(`${text}\n`);
    process.exitCode = code;
  }
}

await main(hideBin(process.argv));
