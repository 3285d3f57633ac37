/**
 * A drawn figure as one self-contained SVG document, for the SVG download and the PNG made from
 * it: Plot draws a figure as HTML around SVGs (colour legends as HTML swatches, some figures as
 * several plots side by side). Here the plots and ramp legends are stacked top to bottom and the
 * swatch legends become SVG rows, on a white background with dark text whatever the page's
 * colour scheme. Works on any DOM (the browser's, or linkedom's at build time).
 */

const GAP = 8;
const SWATCH_ROW = 22;
/** A rough width per character of the 10-px legend text, to lay swatches out in a row. */
const CHAR_WIDTH = 6;

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML serialisation of an SVG subtree, made valid XML (HTML named entities are not). */
const xml = (el: Element) => el.outerHTML.replace(/&nbsp;/g, '&#160;');

const isSwatches = (el: Element) =>
  /(^|\s)plot-[\w-]*-swatches(\s|$)/.test(el.getAttribute('class') ?? '');

const num = (el: Element, attr: string) => Number(el.getAttribute(attr)) || 0;

function insideSwatches(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (isSwatches(p)) return true;
  return false;
}

/** The figure's parts in document order: swatch legends and the outermost SVGs not inside them. */
function parts(root: Element): Element[] {
  return [...root.querySelectorAll('svg, div')].filter((el) =>
    el.tagName.toLowerCase() === 'div'
      ? isSwatches(el)
      : !el.parentElement?.closest('svg') && !insideSwatches(el),
  );
}

/** A swatch legend as a row of SVG swatches and labels, starting at height y. */
function swatchRow(legend: Element, y: number): { svg: string; width: number } {
  let x = 0;
  let out = '';
  for (const swatch of legend.children) {
    const mark = swatch.querySelector('svg');
    if (!mark) continue;
    const label = (swatch.textContent ?? '').trim();
    const copy = mark.cloneNode(true) as Element;
    copy.setAttribute('x', String(x));
    copy.setAttribute('y', String(y + 3));
    out += xml(copy);
    out += `<text x="${x + 20}" y="${y + 14}" text-anchor="start">${escape(label)}</text>`;
    x += 20 + CHAR_WIDTH * label.length + 16;
  }
  return { svg: out, width: x };
}

/** The figure drawn under `root` as the text of a standalone SVG file. */
export function standaloneSvg(root: Element): string {
  let y = 0;
  let width = 0;
  let body = '';
  for (const el of parts(root)) {
    if (isSwatches(el)) {
      const row = swatchRow(el, y);
      body += row.svg;
      width = Math.max(width, row.width);
      y += SWATCH_ROW;
      continue;
    }
    const copy = el.cloneNode(true) as Element;
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    body += xml(copy);
    width = Math.max(width, num(el, 'width'));
    y += num(el, 'height') + GAP;
  }
  const height = Math.max(1, y - GAP);
  width = Math.max(1, Math.ceil(width));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="10" ` +
    `fill="currentColor" color="#1d2330" style="color:#1d2330;background:#fff">` +
    `<rect width="100%" height="100%" fill="#fff"/>${body}</svg>`
  );
}
