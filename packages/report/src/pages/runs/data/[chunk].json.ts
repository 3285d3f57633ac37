// The run view's data (src/data/run-pages.ts): chunk k holds the compact runs whose id hashes
// to k, as one JSON array.
import type { APIRoute } from 'astro';
import type { RunRecord } from '../../../data/record.ts';
import { compactRun } from '../../../data/run-compact.ts';
import { chunkCount, chunkOf } from '../../../data/run-pages.ts';
import { getSiteData } from '../../../data/site-data.ts';

let grouped: Promise<RunRecord[][]> | null = null;

/** The records of each chunk, grouped once per build (not one pass over all runs a chunk). */
function chunks(): Promise<RunRecord[][]> {
  grouped ??= getSiteData().then(({ loaded }) => {
    const count = chunkCount(loaded.records.length);
    const out = Array.from({ length: count }, (): RunRecord[] => []);
    for (const r of loaded.records) out[chunkOf(r.id, count)]!.push(r);
    return out;
  });
  return grouped;
}

export async function getStaticPaths() {
  const all = await chunks();
  return all.map((_, k) => ({ params: { chunk: String(k) } }));
}

export const GET: APIRoute = async ({ params }) => {
  const runs = (await chunks())[Number(params.chunk)] ?? [];
  return new Response(JSON.stringify(runs.map(compactRun)), {
    headers: { 'content-type': 'application/json' },
  });
};
