// The runs table's data (src/data/runs-columns.ts): chunk k holds rows k·chunkRows… as an array
// of columns.
import type { APIRoute } from 'astro';
import { getSiteData } from '../../../data/site-data.ts';

export async function getStaticPaths() {
  const { meta } = (await getSiteData()).runsTable();
  return Array.from({ length: meta.chunks }, (_, k) => ({ params: { chunk: String(k) } }));
}

export const GET: APIRoute = async ({ params }) => {
  const table = (await getSiteData()).runsTable();
  return new Response(JSON.stringify(table.chunk(Number(params.chunk))), {
    headers: { 'content-type': 'application/json' },
  });
};
