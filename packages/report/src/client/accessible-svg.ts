/**
 * Observable Plot labels the `<g>` of every mark with `aria-label` ("bar", "line", "frame",
 * and "tip" when a tooltip appears), which ARIA does not allow on an element without a role
 * (axe: aria-prohibited-attr) and which tells a screen reader nothing. A drawn chart is one
 * image: each of its SVGs becomes `role="img"` named by the figure's title, and each mark's
 * label moves to `data-mark` (tests and styles still find marks by kind); the swatches of its
 * legends are hidden, their text read instead. The numbers a reader needs are in the figure's
 * caption, its CSV and the tables. A chart whose marks link to run pages is a `group` instead
 * (an image may not hold links, axe: nested-interactive), and its links keep the names the
 * renderer gave them.
 *
 * `labelStaticSvgs` does this once (the figure drawn at build time, in a server-side DOM);
 * `labelChartSvgs` also keeps doing it for marks Plot adds later in the browser (tooltips).
 */
export function labelStaticSvgs(root: Element, title: string): SVGSVGElement[] {
  const labelled: SVGSVGElement[] = [];
  for (const svg of root.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    // A colour swatch of a legend is decoration beside its label's text.
    if (svg.parentElement?.closest('[class*="-swatch"]')) {
      svg.setAttribute('aria-hidden', 'true');
      continue;
    }
    // Plot's links are `<a xlink:href>`: any `<a>` in a chart is one.
    svg.setAttribute('role', svg.querySelector('a') ? 'group' : 'img');
    svg.setAttribute('aria-label', title);
    moveMarkLabels(svg);
    labelled.push(svg);
  }
  return labelled;
}

export function labelChartSvgs(root: Element, title: string): void {
  for (const svg of labelStaticSvgs(root, title)) {
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
