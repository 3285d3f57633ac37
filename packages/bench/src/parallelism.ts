import { spawn } from 'node:child_process';

/** A fixed CPU-bound loop, run in child processes. */
const SPIN = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; if (x < 0) console.log(x);';

function spin(count: number): Promise<number> {
  const t0 = performance.now();
  const runs = Array.from(
    { length: count },
    () =>
      new Promise<void>((done, fail) => {
        const child = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
        child.on('error', fail);
        child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`spin exited ${code}`))));
      }),
  );
  return Promise.all(runs).then(() => (performance.now() - t0) / 1000);
}

/**
 * Cores this benchmark actually gets right now: the same CPU-bound loop in 1 process and in
 * `n` processes at once; n × t(1) / t(n) is n on an idle machine and less when other jobs
 * hold cores. It qualifies the pool's parallel efficiency on a shared machine.
 */
export async function availableCores(n = 2): Promise<number> {
  const one = await spin(1);
  const many = await spin(n);
  return (n * one) / many;
}
