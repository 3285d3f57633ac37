"""The peers of `pnpm bench` for the 16 canonical linear gd runs (d = 32, width 32, c = 8,
n = 256, depth 4, 3000 steps, the loss every 100 steps), float64, one thread. Prints one JSON
line: wall seconds of all runs (data and init included, interpreter start excluded).

  numpy-loop     forward and backward with explicit matmuls over all n samples, run by run
  numpy-cov      the covariance form of our linear engine: G = W Sxx - Syx, no n in the loop
  torch-autograd PyTorch autograd on the same loop as numpy-loop, run by run
  torch-batched  PyTorch autograd with the runs stacked on a batch axis (bmm), one loop

usage: python3 linear_runs.py MODE [--runs 16] [--steps 3000] [--log-every 100]
The peers compute only the loss at log steps, not the NFA metrics our runs record.
"""

import argparse
import json
import time

import numpy as np


def setup(seed, d, k, c, n, depth):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d))
    teacher = rng.standard_normal((c, d)) / np.sqrt(d)
    y = x @ teacher.T
    dims = [d] + [k] * (depth - 1) + [c]
    ws = [rng.standard_normal((dims[l + 1], dims[l])) * 0.5 / np.sqrt(dims[l]) for l in range(depth)]
    return x, y, ws


def numpy_loop(a):
    for r in range(a.runs):
        x, y, ws = setup(r, a.d, a.k, a.c, a.n, a.depth)
        for step in range(a.steps):
            hs = [x]
            for w in ws:
                hs.append(hs[-1] @ w.T)
            e = hs[-1] - y
            if step % a.log_every == 0:
                float(0.5 * np.sum(e * e) / a.n)
            dh = e / a.n
            grads = [None] * len(ws)
            for l in range(len(ws) - 1, -1, -1):
                grads[l] = dh.T @ hs[l]
                if l > 0:
                    dh = dh @ ws[l]
            for w, g in zip(ws, grads):
                w -= a.lr * g


def numpy_cov(a):
    for r in range(a.runs):
        x, y, ws = setup(r, a.d, a.k, a.c, a.n, a.depth)
        sxx = x.T @ x / a.n
        syx = y.T @ x / a.n
        half_yy = np.sum(y * y) / (2 * a.n)
        L = len(ws)
        for step in range(a.steps):
            # suffix products S_l = W_L ... W_{l+1}, W = S_0
            suffix = [None] * L
            suffix[L - 1] = np.eye(a.c)
            for l in range(L - 1, 0, -1):
                suffix[l - 1] = suffix[l] @ ws[l]
            w = suffix[0] @ ws[0]
            m = w @ sxx
            g = m - syx
            if step % a.log_every == 0:
                float(np.sum(w * (0.5 * m - syx)) + half_yy)
            chain = g
            grads = [None] * L
            for l in range(L):
                grads[l] = suffix[l].T @ chain
                chain = chain @ ws[l].T
            for w_, gr in zip(ws, grads):
                w_ -= a.lr * gr


def torch_autograd(a):
    import torch

    for r in range(a.runs):
        x, y, ws = setup(r, a.d, a.k, a.c, a.n, a.depth)
        x = torch.from_numpy(x)
        y = torch.from_numpy(y)
        ws = [torch.from_numpy(w).requires_grad_() for w in ws]
        for step in range(a.steps):
            h = x
            for w in ws:
                h = h @ w.T
            loss = 0.5 * ((h - y) ** 2).sum() / a.n
            if step % a.log_every == 0:
                float(loss.detach())
            grads = torch.autograd.grad(loss, ws)
            with torch.no_grad():
                for w, g in zip(ws, grads):
                    w -= a.lr * g


def torch_batched(a):
    import torch

    runs = [setup(r, a.d, a.k, a.c, a.n, a.depth) for r in range(a.runs)]
    x = torch.from_numpy(np.stack([r[0] for r in runs]))
    y = torch.from_numpy(np.stack([r[1] for r in runs]))
    ws = [
        torch.from_numpy(np.stack([r[2][l] for r in runs])).requires_grad_()
        for l in range(a.depth)
    ]
    for step in range(a.steps):
        h = x
        for w in ws:
            h = torch.bmm(h, w.transpose(1, 2))
        per_run = 0.5 * ((h - y) ** 2).sum(dim=(1, 2)) / a.n
        if step % a.log_every == 0:
            per_run.tolist()
        grads = torch.autograd.grad(per_run.sum(), ws)
        with torch.no_grad():
            for w, g in zip(ws, grads):
                w -= a.lr * g


MODES = {
    "numpy-loop": numpy_loop,
    "numpy-cov": numpy_cov,
    "torch-autograd": torch_autograd,
    "torch-batched": torch_batched,
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=sorted(MODES))
    p.add_argument("--runs", type=int, default=16)
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--log-every", type=int, default=100)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--d", type=int, default=32)
    p.add_argument("--k", type=int, default=32)
    p.add_argument("--c", type=int, default=8)
    p.add_argument("--n", type=int, default=256)
    p.add_argument("--lr", type=float, default=0.025)
    a = p.parse_args()
    if a.mode.startswith("torch"):
        import torch

        torch.set_num_threads(1)
    start = time.perf_counter()
    MODES[a.mode](a)
    print(json.dumps({"mode": a.mode, "seconds": time.perf_counter() - start, "runs": a.runs}))


if __name__ == "__main__":
    main()
