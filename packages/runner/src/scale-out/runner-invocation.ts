import { fileURLToPath } from 'node:url';

/**
 * How generated scripts and manifests start the runner: an argument vector such as
 * `['/usr/bin/node', '/home/me/ansatz/packages/cli/dist/cli.js']` or `['runner']`.
 */
export type RunnerArgv = readonly string[];

/**
 * This checkout's CLI (packages/cli/dist/cli.js, the `runner` program) run by this Node: absolute
 * paths, so a batch job finds them from any working directory (on a cluster, the checkout must
 * be on a filesystem the nodes share).
 */
export function localRunnerArgv(): RunnerArgv {
  return [process.execPath, fileURLToPath(new URL('../../../cli/dist/cli.js', import.meta.url))];
}

/**
 * The words of a `--runner` value, e.g. `"runner"` or `"node /app/packages/cli/dist/cli.js"`:
 * split on whitespace (no shell syntax, so a manifest can hold it as an argument vector).
 * Returns undefined for a blank value.
 */
export function parseRunnerFlag(text: string): RunnerArgv | undefined {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  return words.length > 0 ? words : undefined;
}
