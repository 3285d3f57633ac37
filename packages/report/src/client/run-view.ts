/**
 * The run view (`runs/view/#<id>` or `?id=<id>`): finds the run's data chunk by the same hash
 * as the build (src/data/run-pages.ts), fetches it and draws what a run's static page shows,
 * without the matrices. Every value is set as text, never parsed as HTML.
 */
import {
  BASELINE_LABELS,
  compactCurves,
  FINAL_LABELS,
  type CompactRun,
} from '../data/run-compact.js';
import { chunkOf } from '../data/run-pages.js';
import { labelChartSvgs } from './accessible-svg.js';
import { renderers } from './renderers.js';

const root = document.getElementById('run-view');
const meanings = JSON.parse(
  document.getElementById('flag-meanings')?.textContent ?? '{}',
) as Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const fmt = (v: number | null) => (v === null ? '–' : String(v));

function table(id: string, rows: (string | number | null)[][], head?: string[]): HTMLElement {
  const t = el('table', undefined, { id });
  if (head) {
    const tr = el('tr');
    head.forEach((h, i) => tr.append(el('th', h, i > 0 ? { class: 'num' } : {})));
    t.append(el('thead'));
    t.tHead!.append(tr);
  }
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((v, i) =>
      tr.append(
        i === 0
          ? el('th', String(v))
          : el(
              'td',
              typeof v === 'string' ? v : fmt(v),
              typeof v === 'number' ? { class: 'num' } : {},
            ),
      ),
    );
    body.append(tr);
  }
  t.append(body);
  return t;
}

function chart(
  kind: 'run-curves' | 'run-imbalance',
  title: string,
  data: ReturnType<typeof compactCurves>,
): HTMLElement {
  const fig = el('figure', undefined, { class: 'chart', 'data-chart': kind });
  const cap = el('figcaption');
  cap.append(el('h3', title));
  fig.append(cap);
  const plot = el('div', undefined, { class: 'plot' });
  fig.append(plot);
  const width = Math.max(280, Math.min(1150, root?.clientWidth || 900));
  plot.append(
    kind === 'run-curves'
      ? renderers['run-curves'](data.curves, { width, document })
      : renderers['run-imbalance'](data.imbalance, { width, document }),
  );
  labelChartSvgs(plot, title);
  return fig;
}

function render(run: CompactRun): HTMLElement[] {
  document.title = `Run ${run.id.slice(0, 12)} · ansatz`;
  const h1 = document.querySelector('h1');
  if (h1) h1.textContent = `Run ${run.id.slice(0, 12)}`;
  const head = el('p');
  head.append(`experiment `, el('strong', run.experiment), ' · status ');
  head.append(el('span', run.status, { class: `badge ${run.status}` }));
  head.append(` · backend ${run.backend} · engine ${run.engine}`);
  if (run.seconds !== null) head.append(` · ${run.seconds} s`);
  const ids = el('p', undefined, { class: 'muted' });
  ids.append('id ', el('code', run.id), ' · from ', el('code', run.source));
  const out: HTMLElement[] = [head, ids];
  if (run.error) out.push(el('p', `Error: ${run.error}`, { class: 'note' }));
  const quality = el('section', undefined, { id: 'quality' });
  quality.append(el('h2', 'Quality'));
  if (run.status !== 'ok') quality.append(el('p', 'Not a finished run: no quality flags.'));
  else if (run.flags.length === 0) {
    quality.append(
      el(
        'p',
        `No quality flags: the run fit its data (final loss ${fmt(run.lossRatio)} × initial).`,
      ),
    );
  } else {
    const ul = el('ul', undefined, { class: 'flags' });
    for (const f of run.flags) {
      const li = el('li');
      li.append(el('span', f, { class: 'flag' }), ` ${meanings[f] ?? ''}`);
      ul.append(li);
    }
    quality.append(ul);
  }
  out.push(quality, el('h2', 'Final metrics'));
  out.push(
    run.finals.length === 0
      ? el('p', `This run has no final metrics (${run.status}).`, { class: 'muted' })
      : table(
          'final-metrics',
          run.finals.map((v, i) => [FINAL_LABELS[i] ?? '?', v]),
        ),
  );
  if (run.baselines.length > 0) {
    out.push(el('h2', 'Baselines'));
    out.push(
      table(
        'baselines',
        run.baselines.map(([p, c], i) => [BASELINE_LABELS[i] ?? '?', p, c]),
        ['first layer', 'best plain cosine', 'best centred ρ'],
      ),
    );
  }
  const data = compactCurves(run.history);
  if (data.curves.length > 0) out.push(chart('run-curves', 'Metrics against step', data));
  else out.push(el('p', 'No logged history.', { class: 'muted' }));
  if (data.imbalance.length > 0) {
    out.push(
      chart('run-imbalance', 'Imbalance Σₗ ‖Dₗ‖ (Frobenius) against step (log scale)', data),
    );
  }
  out.push(
    el(
      'p',
      'The gram and AGOP matrices are not part of the site’s compact run data: they are in the results files.',
      { class: 'muted' },
    ),
  );
  out.push(el('h2', 'Config'));
  out.push(
    table(
      'config',
      Object.entries(run.config).map(([k, v]) => [k, String(v)]),
    ),
  );
  return out;
}

async function show(): Promise<void> {
  if (!root) return;
  const status = (text: string) =>
    root.replaceChildren(el('p', text, { class: 'note', id: 'run-view-status' }));
  const id =
    decodeURIComponent(location.hash.replace(/^#/, '')) ||
    new URLSearchParams(location.search).get('id') ||
    '';
  if (id === '') return status('No run given: open a run from the runs table.');
  const chunks = Number(root.dataset.chunks ?? '1');
  const url = `${root.dataset.data ?? ''}${chunkOf(id, chunks)}.json`;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const runs = (await res.json()) as CompactRun[];
    const run = runs.find((r) => r.id === id);
    if (!run) return status(`No run with id ${id} in this site.`);
    root.replaceChildren(...render(run));
  } catch (e) {
    status(`The run could not be loaded: ${String(e)}`);
    console.error(e);
  }
}

window.addEventListener('hashchange', () => void show());
void show();
