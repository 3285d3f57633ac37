/**
 * Wall time and peak RSS of one CLI invocation: the command runs under GNU time (`/usr/bin/time
 * -v`, whose peak covers the largest process of the tree, e.g. the report's Astro child) when
 * the machine has it, else under a Node wrapper that reports its own `maxRSS`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  /** Exit code of the command (null when killed by a signal or the time limit). */
  code: number | null;
  seconds: number;
  /** Peak resident set size in bytes (largest process of the tree under GNU time). */
  peakRss: number | null;
  /** User + system CPU seconds of the tree (GNU time only): what a shared machine disturbs least. */
  cpuSeconds: number | null;
  /** True when the time limit ended the command. */
  timedOut: boolean;
  /** The last lines of its stderr, for a failure. */
  stderrTail: string;
}

const GNU_TIME = '/usr/bin/time';

/** Whether peaks are read with GNU time (else: the Node process's own maxRSS). */
export const peakSource = existsSync(GNU_TIME)
  ? 'GNU time -v (largest process of the tree)'
  : 'process.resourceUsage().maxRSS of the CLI process';

/** Run `node <args…>` and measure it; stdout goes to `stdoutFile` (or is dropped). */
export async function measureNode(
  args: readonly string[],
  opts: { cwd: string; timeoutSeconds: number; stdoutFile?: string },
): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'ansatz-scale-'));
  const timeFile = join(scratch, 'time.txt');
  const rssFile = join(scratch, 'rss.txt');
  const useGnu = existsSync(GNU_TIME);
  const [cmd, argv] = useGnu
    ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...args]]
    : [
        process.execPath,
        [
          '--import',
          `data:text/javascript,process.on('exit',()=>process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS*1024)))`,
          ...args,
        ],
      ];
  const out = opts.stdoutFile ? openSync(opts.stdoutFile, 'w') : 'ignore';
  const started = process.hrtime.bigint();
  let stderr = '';
  let timedOut = false;
  const code = await new Promise<number | null>((ok, fail) => {
    // Its own process group, so that the time limit ends the whole tree (time, node, astro).
    const child = spawn(cmd, argv, {
      cwd: opts.cwd,
      stdio: ['ignore', out, 'pipe'],
      detached: true,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, opts.timeoutSeconds * 1000);
    child.stderr?.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString()).slice(-4000);
    });
    child.on('error', fail);
    child.on('close', (c) => {
      clearTimeout(timer);
      ok(c);
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (typeof out === 'number') closeSync(out);
  let peakRss: number | null = null;
  let cpuSeconds: number | null = null;
  if (useGnu && existsSync(timeFile)) {
    const text = readFileSync(timeFile, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    if (m) peakRss = Number(m[1]) * 1024;
    const user = /User time \(seconds\): ([\d.]+)/.exec(text);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
    if (user && sys) cpuSeconds = Number(user[1]) + Number(sys[1]);
  } else if (existsSync(rssFile)) peakRss = Number(readFileSync(rssFile, 'utf8'));
  rmSync(scratch, { recursive: true, force: true });
  return {
    code: timedOut ? null : code,
    seconds,
    peakRss,
    cpuSeconds,
    timedOut,
    stderrTail: stderr.split('\n').slice(-6).join('\n'),
  };
}
