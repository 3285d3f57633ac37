import { CELLS } from './cells.js';
import { KERNEL_SIZES, measureKernels, type KernelGflops } from './kernel-gflops.js';
import { linearRunsSeconds, peerMissing, runPeer } from './peers.js';
import { measureStepSpeed } from './step-speed.js';
import { canonicalRunsSpec, timeSweep, tinyCellsSpec } from './sweep-timing.js';
import { fmt, formatTable } from './table.js';

export interface PeersBench {
  kernels: KernelGflops[];
  numpyMatmul: Record<string, number> | { skipped: string };
  /** Wall seconds of the 16 canonical runs, best of the rounds, by contender. */
  linear16: Record<string, number | { skipped: string }>;
  relu: { oursSecondsPerStep: number; torchSecondsPerStep: number | null; skipped?: string };
  tiny: { cells: number; runsPerSecond: Record<string, number> };
}

const say = (s = '') => process.stdout.write(`${s}\n`);

/** Keeps the smallest value of each key over rounds. */
function keepBest(into: Record<string, number>, key: string, v: number) {
  into[key] = Math.min(into[key] ?? Infinity, v);
}

/**
 * Ours against what a researcher would use instead (issue 13), timed alternately in one
 * process so that the ratios compare programs rather than moments of a shared host: kernel
 * GFLOP/s against NumPy's single-threaded matmul; the 16 canonical linear runs end to end
 * through `runner sweep --workers 1` against the NumPy loop, the NumPy covariance form,
 * PyTorch autograd and PyTorch batched; a ReLU depth-4 step against PyTorch autograd; and
 * tiny-cell sweep throughput with 2 workers. PyTorch rows are skipped, with the reason, where
 * `import torch` fails.
 */
export async function benchPeers(rounds = 2, steps = 3000, tinyCells = 2000): Promise<PeersBench> {
  const numpyMissing = peerMissing('numpy');
  const torchMissing = numpyMissing ?? peerMissing('torch');
  if (numpyMissing) say(`NumPy peers skipped: ${numpyMissing}`);
  if (torchMissing) say(`PyTorch peers skipped: ${torchMissing}`);

  const kernels = measureKernels();
  const numpyMatmul = numpyMissing
    ? { skipped: numpyMissing }
    : runPeer<{ gflops: Record<string, number> }>('matmul.py').gflops;

  const linear16: Record<string, number> = {};
  const spec = canonicalRunsSpec(steps);
  for (let r = 0; r < rounds; r++) {
    keepBest(linear16, 'ours (runner sweep --workers 1)', timeSweep(spec, 1, 'auto'));
    keepBest(linear16, 'ours, --cohort 1', timeSweep(spec, 1, '1'));
    if (!numpyMissing)
      keepBest(linear16, 'NumPy covariance form', linearRunsSeconds('numpy-cov', 16, steps));
    if (!torchMissing)
      keepBest(linear16, 'PyTorch batched', linearRunsSeconds('torch-batched', 16, steps));
    // The slow peers once: each takes tens of seconds, far above the host's noise.
    if (r === 0 && !numpyMissing)
      keepBest(linear16, 'NumPy loop', linearRunsSeconds('numpy-loop', 16, steps));
    if (r === 0 && !torchMissing)
      keepBest(linear16, 'PyTorch autograd', linearRunsSeconds('torch-autograd', 16, steps));
  }

  const reluCell = CELLS.find((c) => c.name === 'relu gd L=4')!;
  let oursRelu = Infinity;
  let torchRelu: number | null = null;
  for (let r = 0; r < rounds; r++) {
    const s = await measureStepSpeed(reluCell.config, 'mlp', 'cpu', 500, 3);
    oursRelu = Math.min(oursRelu, 1 / s.stepsPerSecond);
    if (!torchMissing) {
      const t = runPeer<{ secondsPerStep: number }>('relu_step.py').secondsPerStep;
      torchRelu = Math.min(torchRelu ?? Infinity, t);
    }
  }

  const tiny: Record<string, number> = {};
  const tinySpec = tinyCellsSpec(tinyCells);
  for (let r = 0; r < rounds; r++) {
    tiny['auto'] = Math.max(tiny['auto'] ?? 0, tinyCells / timeSweep(tinySpec, 2, 'auto'));
    tiny['--cohort 1'] = Math.max(tiny['--cohort 1'] ?? 0, tinyCells / timeSweep(tinySpec, 2, '1'));
  }

  const result: PeersBench = {
    kernels,
    numpyMatmul,
    linear16: {
      ...linear16,
      ...(numpyMissing ? { 'NumPy loop': { skipped: numpyMissing } } : {}),
      ...(torchMissing
        ? {
            'PyTorch batched': { skipped: torchMissing },
            'PyTorch autograd': { skipped: torchMissing },
          }
        : {}),
    },
    relu: {
      oursSecondsPerStep: oursRelu,
      torchSecondsPerStep: torchRelu,
      ...(torchMissing ? { skipped: torchMissing } : {}),
    },
    tiny: { cells: tinyCells, runsPerSecond: tiny },
  };
  printPeers(result);
  return result;
}

function printPeers(p: PeersBench) {
  say();
  const np = 'skipped' in p.numpyMatmul ? null : p.numpyMatmul;
  say(
    formatTable(
      ['n×n', 'ours wasm A·B', 'AᵀB', 'A·Bᵀ', 'ours JS A·B', 'NumPy 1 thread', 'ours/NumPy'],
      p.kernels.map((k) => {
        const ref = np?.[String(k.size)];
        return [
          String(k.size),
          fmt(k.wasm.mul),
          fmt(k.wasm.mulTransA),
          fmt(k.wasm.mulTransB),
          fmt(k.js.mul),
          ref ? fmt(ref) : '—',
          ref ? `${fmt((100 * k.wasm.mul) / ref)}%` : '—',
        ];
      }),
    ),
  );
  say(
    `float64 matmul GFLOP/s at ${KERNEL_SIZES.join('/')} (target: ours ≥ 25% of NumPy at 32–128)`,
  );
  say();
  const batched = p.linear16['PyTorch batched'];
  const ref = typeof batched === 'number' ? batched : null;
  say(
    formatTable(
      ['16 canonical linear runs', 'seconds', '÷ PyTorch batched'],
      Object.entries(p.linear16).map(([k, v]) =>
        typeof v === 'number'
          ? [k, fmt(v), ref ? fmt(v / ref) : '—']
          : [k, `skipped: ${v.skipped.slice(0, 40)}…`, '—'],
      ),
    ),
  );
  say('(target: ours ≤ 1.0 × PyTorch batched; peers compute only the loss at log steps)');
  const t = p.relu.torchSecondsPerStep;
  say(
    `ReLU depth-4 step: ours ${fmt(1e6 * p.relu.oursSecondsPerStep)} µs, PyTorch autograd ` +
      `${t ? `${fmt(1e6 * t)} µs → ours/PyTorch = ${fmt(p.relu.oursSecondsPerStep / t)}` : `skipped (${p.relu.skipped})`} (target ≤ 1)`,
  );
  say(
    `tiny-cell sweep (${p.tiny.cells} cells of 20 steps, 2 workers): ` +
      Object.entries(p.tiny.runsPerSecond)
        .map(([k, v]) => `${k} ${fmt(v)} runs/s`)
        .join(', ') +
      ' (target ≥ 1000)',
  );
}
