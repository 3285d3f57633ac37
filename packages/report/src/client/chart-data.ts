/**
 * How a figure's data is embedded in its page, once: the data (or each property of a data
 * object) is a JSON "part" in a `<script type="application/json" id=…>`, and a part another
 * figure of the page already embedded is referenced, not repeated (the three convergence charts
 * share their runs and points). The figure's own `<script data-chart-refs>` maps to its parts.
 * `splitChartData` runs at build time (Chart.astro), `readChartData` in the browser.
 */

/** A part id, or one per property of a data object. */
export type ChartRefs = string | Record<string, string>;

/** Parts already on the page: JSON text → id. */
export type PageParts = Map<string, string>;

export interface SplitData {
  refs: ChartRefs;
  /** Parts this figure embeds: those the page did not have yet. */
  fresh: { id: string; json: string }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Split a figure's data into parts, registering new ones on the page (`json` serialises). */
export function splitChartData(
  data: unknown,
  page: PageParts,
  json: (v: unknown) => string,
): SplitData {
  const fresh: SplitData['fresh'] = [];
  const part = (value: unknown): string => {
    const text = json(value);
    let id = page.get(text);
    if (id === undefined) {
      id = `chart-data-${page.size}`;
      page.set(text, id);
      fresh.push({ id, json: text });
    }
    return id;
  };
  // An undefined property is absent, as JSON would have it (e.g. no run links above the mark limit).
  const refs = isRecord(data)
    ? Object.fromEntries(
        Object.entries(data)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, part(v)]),
      )
    : part(data);
  return { refs, fresh };
}

/** The data of a figure, put back together from its page's parts. */
export function readChartData(fig: Element, doc: Document): unknown {
  const refs = JSON.parse(
    fig.querySelector('script[data-chart-refs]')?.textContent ?? 'null',
  ) as ChartRefs | null;
  if (refs === null) throw new Error(`figure ${fig.id} has no data`);
  const part = (id: string): unknown => {
    const text = doc.getElementById(id)?.textContent;
    if (text === undefined || text === null) throw new Error(`figure ${fig.id}: no part ${id}`);
    return JSON.parse(text);
  };
  return typeof refs === 'string'
    ? part(refs)
    : Object.fromEntries(Object.entries(refs).map(([k, id]) => [k, part(id)]));
}
