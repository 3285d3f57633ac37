import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { LATEX_LIKE } from './latex-pattern.js';

export { LATEX_LIKE };

/** The reader-visible text of an HTML page: scripts and styles dropped, tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Every built page (index.html under `site`) whose visible text has LaTeX-like source: `page: snippet`. */
export function latexLikeInSite(site: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) {
        const text = visibleText(readFileSync(p, 'utf8'));
        const m = LATEX_LIKE.exec(text);
        if (m)
          found.push(
            `${relative(site, p)}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`,
          );
      }
    }
  };
  walk(site);
  return found;
}
