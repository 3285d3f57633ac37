/**
 * Observable Plot labels the `<g>` of every mark with `aria-label` ("bar", "line", "frame",
 * and "tip" when a tooltip appears), which ARIA does not allow on an element without a role
 * (axe: aria-prohibited-attr) and which tells a screen reader nothing. A drawn chart is one
 * image: each of its SVGs becomes `role="img"` named by the figure's title, and each mark's
 * label moves to `data-mark` (tests and styles still find marks by kind), now and for marks
 * Plot adds later. The numbers a reader needs are in the figure's caption and the tables.
 * A chart whose marks link to run pages is a `group` instead (an image may not hold links,
 * axe: nested-interactive), and its links keep the names the renderer gave them.
 */
export function labelChartSvgs(root: Element, title: string): void {
  for (const svg of root.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    // Plot's links are `<a xlink:href>`: any `<a>` in a chart is one.
    svg.setAttribute('role', svg.querySelector('a') ? 'group' : 'img');
    svg.setAttribute('aria-label', title);
    moveMarkLabels(svg);
    new MutationObserver(() => moveMarkLabels(svg)).observe(svg, {
      subtree: true,
      childList: true,
      attributeFilter: ['aria-label'],
    });
  }
}

function moveMarkLabels(svg: SVGSVGElement): void {
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    if (el.tagName.toLowerCase() === 'a') continue;
    const label = el.getAttribute('aria-label');
    if (label !== null) el.setAttribute('data-mark', label);
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
}
