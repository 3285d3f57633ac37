/**
 * The runs table in the browser: loads the column data (src/data/runs-columns.ts), then filters
 * (src/data/runs-filter.ts syntax), sorts and pages it, one page of rows in the DOM at a time.
 * The state (filter, sort, page) lives in the query string, so a view is a permalink. Until the
 * data has arrived the page's static first rows stay as they are.
 */
import type { TableMeta } from '../data/runs-columns.js';
import {
  emptyColumns,
  parseFilter,
  putChunk,
  rowPredicate,
  rowText,
  sortOrder,
  type Columns,
} from '../data/runs-filter.js';
import { cellText } from '../data/cell-text.js';

interface PageMeta extends TableMeta {
  /** URL of the chunk files' folder, ending in `/`. */
  data: string;
  /** The site's base path, ending in `/`. */
  base: string;
}

interface State {
  q: string;
  sort: string;
  desc: boolean;
  page: number;
}

function readState(): State {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') ?? '',
    sort: p.get('sort') ?? '',
    desc: p.get('dir') === 'desc',
    page: Math.max(1, Math.floor(Number(p.get('page') ?? '1')) || 1),
  };
}

function writeState(s: State): void {
  const p = new URLSearchParams(location.search);
  const set = (k: string, v: string, keep: boolean) => (keep ? p.set(k, v) : p.delete(k));
  set('q', s.q, s.q !== '');
  set('sort', s.sort, s.sort !== '');
  set('dir', 'desc', s.sort !== '' && s.desc);
  set('page', String(s.page), s.page > 1);
  const query = p.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

async function load(meta: PageMeta): Promise<Columns> {
  const values = emptyColumns(meta.columns, meta.total);
  await Promise.all(
    Array.from({ length: meta.chunks }, async (_, k) => {
      const url = `${meta.data}${k}.json`;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      putChunk(values, k * meta.chunkRows, (await res.json()) as (number | string | null)[][]);
    }),
  );
  return { total: meta.total, columns: meta.columns, values };
}

function setup(table: HTMLTableElement, meta: PageMeta): void {
  const body = table.tBodies[0]!;
  const filter = document.querySelector<HTMLInputElement>('#run-filter')!;
  const errorBox = document.querySelector<HTMLElement>('#run-filter-error')!;
  const count = document.querySelector<HTMLElement>('#run-count')!;
  const prev = document.querySelector<HTMLButtonElement>('#run-prev')!;
  const next = document.querySelector<HTMLButtonElement>('#run-next')!;
  const headers = [...table.tHead!.rows[0]!.cells];
  const keyCol = (key: string) => meta.columns.findIndex((c) => c.key === key);
  const idCol = keyCol('id');
  const statusCol = keyCol('status');
  const linkCol = keyCol('link');
  let state = readState();
  filter.value = state.q;
  let data: Columns | null = null;
  let texts: string[] | null = null;
  const orders = new Map<string, Uint32Array>();
  let shown: number[] = [];

  const cell = (i: number, col: number): string | number | null => {
    const v = data!.values[col]!;
    if (v.kind === 'num') return Number.isNaN(v.values[i]!) ? null : v.values[i]!;
    if (v.kind === 'dict') return v.dict[v.codes[i]!] ?? '';
    return v.values[i] ?? null;
  };

  // Rows are made once and refilled: a page turn or keystroke changes text, not the DOM's shape.
  const columns = headers.map((th) => Number(th.dataset.col));
  const pool: HTMLTableRowElement[] = [];
  const makeRow = (): HTMLTableRowElement => {
    const tr = document.createElement('tr');
    for (const col of columns) {
      const td = document.createElement('td');
      const key = meta.columns[col]!.key;
      if (key === 'id') td.append(document.createElement('a'));
      else if (key === 'status') td.append(document.createElement('span'));
      else if (meta.columns[col]!.numeric) td.className = 'num';
      tr.append(td);
    }
    return tr;
  };
  const fill = (tr: HTMLTableRowElement, i: number): HTMLTableRowElement => {
    const id = String(cell(i, idCol));
    const status = String(cell(i, statusCol));
    tr.dataset.status = status;
    columns.forEach((col, j) => {
      const td = tr.cells[j]!;
      const key = meta.columns[col]!.key;
      if (key === 'id') {
        const a = td.firstChild as HTMLAnchorElement;
        const slug = cell(i, linkCol);
        a.href =
          slug === null
            ? `${meta.base}runs/view/#${encodeURIComponent(id)}`
            : `${meta.base}runs/${String(slug)}/`;
        a.textContent = id.slice(0, 10);
      } else if (key === 'status') {
        const badge = td.firstChild as HTMLSpanElement;
        badge.className = `badge ${status}`;
        badge.textContent = status;
      } else {
        const text = cellText(cell(i, col));
        if (td.textContent !== text) td.textContent = text;
      }
    });
    return tr;
  };

  const render = () => {
    const pages = Math.max(1, Math.ceil(shown.length / meta.pageRows));
    state.page = Math.min(state.page, pages);
    const from = (state.page - 1) * meta.pageRows;
    const page = shown.slice(from, from + meta.pageRows);
    while (pool.length < page.length) pool.push(makeRow());
    page.forEach((i, k) => fill(pool[k]!, i));
    const rows = pool.slice(0, page.length);
    if (body.rows.length !== rows.length || rows.some((r, k) => body.rows[k] !== r)) {
      body.replaceChildren(...rows);
    }
    count.textContent = `${shown.length} of ${meta.total} runs · page ${state.page} of ${pages}`;
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    headers.forEach((th) => {
      const key = meta.columns[Number(th.dataset.col)]!.key;
      if (key === state.sort) th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    writeState(state);
  };

  const apply = () => {
    if (!data) return;
    const t = data;
    const parsed = parseFilter(state.q, t.columns);
    errorBox.textContent = parsed.errors.join('; ');
    filter.setAttribute('aria-invalid', parsed.errors.length > 0 ? 'true' : 'false');
    const test = rowPredicate(t, parsed, () => {
      texts ??= Array.from({ length: t.total }, (_, i) => rowText(t, i));
      return texts;
    });
    const col = state.sort === '' ? -1 : keyCol(state.sort);
    let order: Uint32Array | null = null;
    if (col >= 0) {
      const k = `${col}:${state.desc}`;
      order = orders.get(k) ?? sortOrder(t, col, state.desc);
      orders.set(k, order);
    }
    shown = [];
    for (let j = 0; j < t.total; j++) {
      const i = order ? order[j]! : j;
      if (test(i)) shown.push(i);
    }
    render();
  };

  filter.addEventListener('input', () => {
    state = { ...state, q: filter.value, page: 1 };
    apply();
  });
  headers.forEach((th) => {
    th.querySelector('button')?.addEventListener('click', () => {
      const key = meta.columns[Number(th.dataset.col)]!.key;
      state = { ...state, desc: state.sort === key ? !state.desc : false, sort: key, page: 1 };
      apply();
    });
  });
  prev.addEventListener('click', () => {
    state.page--;
    render();
  });
  next.addEventListener('click', () => {
    state.page++;
    render();
  });
  window.addEventListener('popstate', () => {
    state = readState();
    filter.value = state.q;
    apply();
  });

  count.textContent = `loading ${meta.total} runs…`;
  load(meta)
    .then((t) => {
      data = t;
      apply();
      // The text of every row, for free-text words, while the reader is not typing yet.
      texts = Array.from({ length: t.total }, (_, i) => rowText(t, i));
      table.dataset.ready = '1';
    })
    .catch((e: unknown) => {
      count.textContent = `The runs could not be loaded (${String(e)}); the first rows are shown.`;
      console.error(e);
    });
}

const table = document.querySelector<HTMLTableElement>('#runs');
const metaEl = document.getElementById('runs-meta');
if (table && metaEl) setup(table, JSON.parse(metaEl.textContent ?? '{}') as PageMeta);
