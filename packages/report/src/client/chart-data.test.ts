import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readChartData, splitChartData, type PageParts } from './chart-data.js';

/** A page of figures as Chart.astro writes them, then each figure's data read back. */
function roundTrip(datas: unknown[]): { read: unknown[]; parts: number; html: string } {
  const page: PageParts = new Map();
  let html = '';
  datas.forEach((data, i) => {
    const { refs, fresh } = splitChartData(data, page, JSON.stringify);
    html += `<figure id="f${i}"><script type="application/json" data-chart-refs>${JSON.stringify(refs)}</script>`;
    for (const p of fresh)
      html += `<script type="application/json" id="${p.id}">${p.json}</script>`;
    html += '</figure>';
  });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const doc = document as unknown as Document;
  const read = datas.map((_, i) => readChartData(doc.getElementById(`f${i}`)!, doc));
  return { read, parts: page.size, html };
}

describe('figure data embedded once per page', () => {
  it('shares equal properties between figures and reads every figure back whole', () => {
    const runs = [{ k: 0, id: 'a' }];
    const points = [{ k: 0, s: 1, c: 0.5 }];
    const datas = [
      { runs, points, theory: [{ k: 0, s: 0, i: 1 }] },
      { runs, points },
      { runs, points },
    ];
    const { read, parts, html } = roundTrip(datas);
    expect(read).toEqual(datas);
    expect(parts).toBe(3);
    expect(html.split('"s":1,"c":0.5').length - 1).toBe(1);
  });

  it('embeds arrays and scalars whole, and the same array once', () => {
    const bars = [{ experiment: 'depth', status: 'ok', n: 3 }];
    const { read, parts } = roundTrip([bars, bars, 'x']);
    expect(read).toEqual([bars, bars, 'x']);
    expect(parts).toBe(2);
  });

  it('leaves an undefined property out, as JSON does', () => {
    const data = { points: [1, 2], hrefs: undefined };
    const { read, parts } = roundTrip([data]);
    expect(read).toEqual([{ points: [1, 2] }]);
    expect(parts).toBe(1);
  });

  it('says which figure lacks its data', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><figure id="g"></figure></body></html>',
    );
    const doc = document as unknown as Document;
    expect(() => readChartData(doc.getElementById('g')!, doc)).toThrow(/figure g has no data/);
  });
});
