"""Straightforward NumPy float64 reference for `pnpm bench`: full-batch gradient descent on a
deep linear network f(x) = W_L ... W_1 x with loss 1/2 ||f(x) - y||^2 averaged over samples,
forward and backward with explicit matmuls over all n samples. Prints one JSON line.

usage: python3 linear_gd.py [--depth 4] [--d 32] [--k 32] [--c 8] [--n 256] [--steps 2000]
"""

import argparse
import json
import time

import numpy as np


def train_step(ws, x, y, lr):
    hs = [x]
    for w in ws:
        hs.append(hs[-1] @ w.T)
    e = hs[-1] - y
    n = x.shape[0]
    loss = 0.5 * np.sum(e * e) / n
    dh = e / n
    grads = [None] * len(ws)
    for l in range(len(ws) - 1, -1, -1):
        grads[l] = dh.T @ hs[l]
        if l > 0:
            dh = dh @ ws[l]
    for w, g in zip(ws, grads):
        w -= lr * g
    return loss


def timed(fn, reps, blocks=5):
    """Seconds per call (wall, CPU): the best of `blocks` blocks, robust to a busy machine."""
    best_wall = best_cpu = float("inf")
    per_block = max(1, reps // blocks)
    for _ in range(blocks):
        wall = time.perf_counter()
        cpu = time.process_time()
        for _ in range(per_block):
            fn()
        best_wall = min(best_wall, (time.perf_counter() - wall) / per_block)
        best_cpu = min(best_cpu, (time.process_time() - cpu) / per_block)
    return best_wall, best_cpu


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--d", type=int, default=32)
    p.add_argument("--k", type=int, default=32)
    p.add_argument("--c", type=int, default=8)
    p.add_argument("--n", type=int, default=256)
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--lr", type=float, default=0.05)
    a = p.parse_args()

    rng = np.random.default_rng(0)
    x = rng.standard_normal((a.n, a.d))
    teacher = rng.standard_normal((a.c, a.d)) / np.sqrt(a.d)
    y = x @ teacher.T
    dims = [a.d] + [a.k] * (a.depth - 1) + [a.c]
    ws = [rng.standard_normal((dims[l + 1], dims[l])) * 0.5 / np.sqrt(dims[l]) for l in range(a.depth)]

    for _ in range(200):  # warm-up
        train_step(ws, x, y, a.lr)
    wall, cpu = timed(lambda: train_step(ws, x, y, a.lr), a.steps)
    loss = train_step(ws, x, y, a.lr)

    m = rng.standard_normal((256, 256))
    m @ m
    mm_wall, _ = timed(lambda: m @ m, 50)
    print(
        json.dumps(
            {
                "numpy": np.__version__,
                "secondsPerStep": wall,
                "cpuSecondsPerStep": cpu,
                "finalLoss": float(loss),
                "matmul256Gflops": 2 * 256**3 / mm_wall / 1e9,
            }
        )
    )


if __name__ == "__main__":
    main()
