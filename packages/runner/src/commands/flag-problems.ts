import { UserError } from '../errors.js';

/**
 * Checks of the CLI's flags. Each returns a message naming the flag, the value and what would
 * be valid, or undefined when the value is fine; a command collects them all and reports every
 * problem at once (`throwIfProblems`).
 */

/** Throws one UserError listing every problem found, when there is any. */
export function throwIfProblems(problems: readonly (string | undefined)[]): void {
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length > 0) throw new UserError(found);
}

/** `--runner`: a command of at least one word (see parseRunnerFlag). */
export function runnerProblem(runner: readonly string[] | undefined): string | undefined {
  return runner === undefined ? '--runner "": expected a command, e.g. --runner runner' : undefined;
}

/** An integer flag with a lower bound and, optionally, an upper one. */
export function intProblem(
  flag: string,
  value: number | undefined,
  min: number,
  max?: number,
): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max))
    return undefined;
  return max === undefined
    ? `--${flag} ${String(value)}: expected an integer ≥ ${min}`
    : `--${flag} ${String(value)}: expected an integer from ${min} to ${max}`;
}

/** Upper bounds of the count flags: far above any real use, low enough to be safe. */
export const FLAG_MAX = {
  /** Worker threads (`--workers`), CPUs per shard (`--cpus`). */
  threads: 1024,
  /** `--retries`. */
  retries: 100,
} as const;

const SLURM_TIME =
  /^(?:\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2}|UNLIMITED|INFINITE)$/i;

/** A Slurm time limit, in one of the forms `sbatch --time` accepts. */
export function slurmTimeProblem(value: string | undefined): string | undefined {
  if (value === undefined || SLURM_TIME.test(value)) return undefined;
  return `--time "${value}": expected a Slurm time limit such as 30 (minutes), 2:00:00, 1-12:00:00 or UNLIMITED`;
}

/** A Slurm partition list, e.g. `cpu` or `cpu,short`. */
export function partitionProblem(value: string | undefined): string | undefined {
  if (value === undefined || /^[A-Za-z0-9_.-]+(?:,[A-Za-z0-9_.-]+)*$/.test(value)) return undefined;
  return `--partition "${value}": expected a partition name (letters, digits, "_", ".", "-"), or several separated by commas`;
}

/** A container image reference, e.g. `ghcr.io/me/ansatz:1.0`. */
export function imageProblem(value: string): string | undefined {
  if (/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(value)) return undefined;
  return `--image "${value}": expected a container image reference such as ghcr.io/you/ansatz:latest`;
}

/** A PersistentVolumeClaim name (DNS-1123 subdomain). */
export function claimProblem(value: string): string | undefined {
  if (value.length <= 253 && /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(value)) return undefined;
  return `--volume "${value}": expected a PersistentVolumeClaim name (lowercase letters, digits, "-" and ".")`;
}

/** A Kubernetes CPU quantity, e.g. `2`, `1.5` or `500m`. */
export function cpuQuantityProblem(flag: string, value: string | undefined): string | undefined {
  if (value === undefined || /^(?:\d+(?:\.\d+)?|\.\d+|\d+m)$/.test(value)) return undefined;
  return `--${flag} "${value}": expected a CPU quantity such as 2, 1.5 or 500m`;
}

/** A Kubernetes memory quantity, e.g. `1Gi`, `512Mi` or `2G`. */
export function memoryQuantityProblem(flag: string, value: string | undefined): string | undefined {
  if (value === undefined || /^\d+(?:\.\d+)?(?:[KMGTPE]i|[kMGTPE])?$/.test(value)) return undefined;
  return `--${flag} "${value}": expected a memory quantity such as 1Gi, 512Mi or 2G`;
}
