"""PyTorch autograd peer of `pnpm bench` for the canonical ReLU depth-4 cell (d = 32, width 32,
c = 8, n = 256, full-batch gd), float64, one thread: seconds per training step, best of
several blocks. Prints one JSON line.

usage: python3 relu_step.py [--steps 1000]
"""

import argparse
import json
import time

import numpy as np
import torch


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=1000)
    a = p.parse_args()
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    d, k, c, n, depth, lr = 32, 32, 8, 256, 4, 0.02
    x = torch.from_numpy(rng.standard_normal((n, d)))
    y = torch.from_numpy(np.maximum(rng.standard_normal((n, c)), 0))
    dims = [d] + [k] * (depth - 1) + [c]
    ws = [
        torch.from_numpy(rng.standard_normal((dims[l + 1], dims[l])) / np.sqrt(dims[l])).requires_grad_()
        for l in range(depth)
    ]

    def step():
        h = x
        for l, w in enumerate(ws):
            h = h @ w.T
            if l < depth - 1:
                h = torch.relu(h)
        loss = 0.5 * ((h - y) ** 2).sum() / n
        grads = torch.autograd.grad(loss, ws)
        with torch.no_grad():
            for w, g in zip(ws, grads):
                w -= lr * g

    for _ in range(100):
        step()
    best = float("inf")
    per_block = max(1, a.steps // 5)
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(per_block):
            step()
        best = min(best, (time.perf_counter() - t) / per_block)
    print(json.dumps({"torch": torch.__version__, "secondsPerStep": best}))


if __name__ == "__main__":
    main()
