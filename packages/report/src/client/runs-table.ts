/** Filtering (every word must match some cell) and sorting (click a header) of the runs table. */

function setup(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const texts = rows.map((r) => r.textContent?.toLowerCase() ?? '');
  const filter = document.querySelector<HTMLInputElement>('#run-filter');
  const status = document.querySelector<HTMLSelectElement>('#run-status');
  const count = document.querySelector<HTMLElement>('#run-count');

  const apply = () => {
    const words = (filter?.value ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const st = status?.value ?? '';
    let shown = 0;
    rows.forEach((r, i) => {
      const text = texts[i] ?? '';
      const ok = (st === '' || r.dataset.status === st) && words.every((w) => text.includes(w));
      r.hidden = !ok;
      if (ok) shown++;
    });
    if (count) count.textContent = `${shown} of ${rows.length} runs`;
  };
  filter?.addEventListener('input', apply);
  status?.addEventListener('change', apply);

  const headers = [...table.tHead!.rows[0]!.cells];
  headers.forEach((th, col) => {
    th.querySelector('button')?.addEventListener('click', () => {
      const numeric = th.dataset.numeric === '1';
      const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      const key = (r: HTMLTableRowElement) => r.cells[col]?.textContent?.trim() ?? '';
      const sorted = [...body.rows].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (numeric) {
          const na = Number(ka);
          const nb = Number(kb);
          const fa = Number.isFinite(na);
          const fb = Number.isFinite(nb);
          if (fa !== fb) return fa ? -1 : 1; // missing values last
          return ((fa ? na : 0) - (fb ? nb : 0)) * dir;
        }
        return ka.localeCompare(kb) * dir;
      });
      body.append(...sorted);
    });
  });
}

const table = document.querySelector<HTMLTableElement>('#runs');
if (table) setup(table);
