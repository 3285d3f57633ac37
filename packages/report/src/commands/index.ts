import type { CommandModule } from 'yargs';
import { previewCommand } from './preview.js';
import { reportCommand } from './report.js';
import { verdictsCommand } from './verdicts.js';

/** The report package's commands of the `runner` CLI, in the order `--help` lists them. */
export const reportCommands = [reportCommand, verdictsCommand, previewCommand] as CommandModule<
  object,
  never
>[];
