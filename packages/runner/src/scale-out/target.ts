import type { Argv } from 'yargs';
import type { RunnerArgv } from './runner-invocation.js';

/**
 * A place a sharded sweep can be scaled out to (Slurm, Kubernetes, …). The command factory
 * (`commands/scale-out-command.ts`) turns a target into the CLI command `runner <name> <spec>`:
 * it owns the flags every target shares (`--shards`, `--cpus`, `--runner`), loads the spec,
 * writes the generated files atomically and prints. A target adds its own flags, checks them,
 * and turns the plan into files. Adding a target: a file that exports one of these, its test,
 * and one `.command(scaleOutCommand(target))` line in `cli.ts`.
 */
export interface ScaleOutTarget<Options extends object> {
  /** The command name, e.g. `slurm`: `runner slurm <spec>`. */
  name: string;
  /** One line for `runner --help`. */
  describe: string;
  /** The help texts of the shared flags, in this target's words. */
  help: {
    /** `--shards N`, e.g. `array tasks (shards)`. */
    shards: string;
    /** `--cpus C`, e.g. `CPUs per pod = worker threads`. */
    cpus: string;
    /** `--runner CMD`, e.g. `command that starts the runner in the image`. */
    runner: string;
  };
  /** What runs one shard, plural (`array tasks`, `pods`): "3 pods will have nothing to run". */
  shardRunners: string;
  /**
   * The `--runner` default, e.g. `runner` for an image that has it on the PATH. Without one,
   * the generated files start this checkout's CLI with this Node, by absolute path.
   */
  defaultRunner?: string;
  /** Adds this target's own flags (the shared ones are already there). */
  options: (y: Argv) => Argv<Options>;
  /**
   * Checks of this target's own flags (see `commands/flag-problems.ts`): one message per bad
   * value, naming the flag, the value and what would be valid; undefined for a good one.
   */
  flagProblems: (options: Options) => (string | undefined)[];
  /**
   * The files to write and what to print. No I/O (relative paths resolve against
   * `plan.workDir`); throws a `UserError` for problems that only show with the spec loaded, e.g.
   * a path derived from the sweep name that the target cannot use.
   */
  generate: (plan: ScaleOutPlan, options: Options) => ScaleOutOutput;
}

/** What every target gets: the spec and the shared flags, checked and resolved. */
export interface ScaleOutPlan {
  /** The sweep name (spec `name`). */
  sweep: string;
  /** The spec file, absolute. */
  specFile: string;
  /** The spec's YAML text (for targets that ship it rather than refer to the file). */
  specText: string;
  /** Distinct cells of the sweep (of its selection, with --only/--where). */
  cells: number;
  /**
   * Flags every shard's `runner sweep` gets besides the spec and shard: the selection and
   * overrides (`--only`, `--where`, `--set`), so all shards split the same cells.
   */
  sweepArgs?: readonly string[];
  /** Number of shards, ≥ 1. */
  shards: number;
  /** CPUs per shard, also its worker threads, ≥ 1. */
  cpus: number;
  /** How the generated files start the runner. */
  runner: RunnerArgv;
  /** The working directory of `runner <target>`, absolute. */
  workDir: string;
}

/** One generated file. */
export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  text: string;
  /** Make it executable (chmod 755), e.g. a submit script. */
  executable?: boolean;
  /** The flag that chose the path, for the message when it cannot be written, e.g. `--out`. */
  flag: string;
}

/** What a target generates from a plan. */
export interface ScaleOutOutput {
  /** Written all together, each atomically (see `scale-out/write-files.ts`). */
  files: GeneratedFile[];
  /** Directories to create besides the files' own, e.g. for job logs; same shape as files. */
  dirs?: { path: string; flag: string }[];
  /** Printed on stdout once everything is written: how to submit, or a manifest itself. */
  stdout: string;
}
