"""NumPy's single-threaded float64 matmul at the sizes of `pnpm bench`'s kernel table (the
hardware reference): GFLOP/s of out = A @ B, best of many timings. Run with
OPENBLAS_NUM_THREADS=1 (the bench sets it). Prints one JSON line.

usage: python3 matmul.py [--sizes 16,32,64,128]
"""

import argparse
import json
import time

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="16,32,64,128")
    a = p.parse_args()
    rng = np.random.default_rng(0)
    out = {}
    for s in [int(v) for v in a.sizes.split(",")]:
        x = rng.standard_normal((s, s))
        y = rng.standard_normal((s, s))
        o = np.empty((s, s))
        inner = max(1, round(4e6 / s**3))
        best = float("inf")
        for _ in range(40):
            t = time.perf_counter()
            for _ in range(inner):
                np.matmul(x, y, out=o)
            best = min(best, (time.perf_counter() - t) / inner)
        out[str(s)] = 2 * s**3 / best / 1e9
    core = None
    try:
        from threadpoolctl import threadpool_info

        core = ",".join(str(i.get("architecture")) for i in threadpool_info())
    except ImportError:
        pass
    print(json.dumps({"numpy": np.__version__, "gflops": out, "openblasCore": core}))


if __name__ == "__main__":
    main()
