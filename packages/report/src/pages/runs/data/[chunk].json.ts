// The run view's data (src/data/run-pages.ts): chunk k holds the compact runs whose id hashes
// to k, as one JSON array.
import type { APIRoute } from 'astro';
import { compactRun } from '../../../data/run-compact.ts';
import { chunkCount, chunkOf } from '../../../data/run-pages.ts';
import { getSiteData } from '../../../data/site-data.ts';

export async function getStaticPaths() {
  const { loaded } = await getSiteData();
  const chunks = chunkCount(loaded.records.length);
  return Array.from({ length: chunks }, (_, k) => ({ params: { chunk: String(k) } }));
}

export const GET: APIRoute = async ({ params }) => {
  const { loaded } = await getSiteData();
  const chunks = chunkCount(loaded.records.length);
  const k = Number(params.chunk);
  const runs = loaded.records.filter((r) => chunkOf(r.id, chunks) === k).map(compactRun);
  return new Response(JSON.stringify(runs), {
    headers: { 'content-type': 'application/json' },
  });
};
