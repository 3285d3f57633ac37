import type { CommandModule } from 'yargs';
import { k8sTarget } from '../scale-out/k8s-target.js';
import { slurmTarget } from '../scale-out/slurm-target.js';
import { exportCommand } from './export.js';
import { scaleOutCommand } from './scale-out-command.js';
import { statusCommand } from './status.js';
import { sweepCommand } from './sweep.js';

/**
 * The runner package's commands of the `runner` CLI (@ansatz/cli registers them), in the order
 * `--help` lists them. A new scale-out target is one more `scaleOutCommand(target)` here.
 */
export const runnerCommands = [
  sweepCommand,
  statusCommand,
  exportCommand,
  scaleOutCommand(slurmTarget),
  scaleOutCommand(k8sTarget),
] as CommandModule<object, never>[];
