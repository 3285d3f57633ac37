/**
 * Where a run's detail lives. Up to STATIC_RUN_PAGES_MAX runs every run has its own static page
 * (`runs/<slug>/`), as before. Above that, one static page per run would dominate the site's
 * size and build time (≈ 46 KB and ≈ 10 ms a run), so only runs that did not finish (failed,
 * diverged) keep one; every run, these included, is also drawn in the browser by one page,
 * `runs/view/#<id>` (or `?id=`), from chunked compact data files `runs/data/<k>.json` of about
 * RUNS_PER_CHUNK runs, the chunk of an id found by a hash of the id (no index to download).
 */

/** Largest results set that still gets one static page per run. */
export const STATIC_RUN_PAGES_MAX = 2000;
/** Runs per data chunk, on average. */
export const RUNS_PER_CHUNK = 200;

/** Whether a run gets its own static page in a site of `total` runs. */
export function hasStaticPage(status: string, total: number): boolean {
  return total <= STATIC_RUN_PAGES_MAX || status !== 'ok';
}

/** Number of data chunks for `total` runs. */
export function chunkCount(total: number): number {
  return Math.max(1, Math.ceil(total / RUNS_PER_CHUNK));
}

/** The chunk holding run `id`: FNV-1a of the id, mod `chunks` (the run view repeats this). */
export function chunkOf(id: string, chunks: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % chunks;
}

/** Site path of a run's detail: its static page, else the run view. */
export function runPath(
  run: { id: string; status: string },
  slugs: ReadonlyMap<string, string>,
  total: number,
): string {
  return hasStaticPage(run.status, total)
    ? `runs/${slugs.get(run.id)}/`
    : `runs/view/#${encodeURIComponent(run.id)}`;
}
