import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A script of peers/ (NumPy, PyTorch), run with python3 on one thread. */
const script = (name: string) => fileURLToPath(new URL(`../peers/${name}`, import.meta.url));

/**
 * The environment of a peer: one BLAS thread, and without this host's OPENBLAS_CORETYPE and
 * OPENBLAS_L2_SIZE, which pin old OpenBLAS builds to a slower kernel (a current NumPy then
 * picks the fastest one for this processor, as a researcher's would).
 */
function peerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENBLAS_NUM_THREADS: '1',
    OMP_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
  };
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  return env;
}

/** Why a peer cannot run here (python3, NumPy or PyTorch missing), or null when it can. */
export function peerMissing(module: 'numpy' | 'torch'): string | null {
  const probe = spawnSync('python3', ['-c', `import ${module}`], { encoding: 'utf8' });
  if (probe.error) return 'python3 not found';
  if (probe.status !== 0) {
    return module === 'torch'
      ? 'python3 -c "import torch" fails: PyTorch is not installed (pip install --no-index --no-deps torch installs it from a local wheel directory where there is one)'
      : 'NumPy is not installed for python3';
  }
  return null;
}

/** Runs a peer script and returns its last line of output, parsed. */
export function runPeer<T>(name: string, args: string[] = []): T {
  const r = spawnSync('python3', [script(name), ...args], { encoding: 'utf8', env: peerEnv() });
  if (r.status !== 0) throw new Error(`peers/${name} ${args.join(' ')} failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

/** Wall seconds of the 16 canonical linear runs by one peer (peers/linear_runs.py). */
export function linearRunsSeconds(mode: string, runs: number, steps: number): number {
  return runPeer<{ seconds: number }>('linear_runs.py', [
    mode,
    '--runs',
    String(runs),
    '--steps',
    String(steps),
  ]).seconds;
}
