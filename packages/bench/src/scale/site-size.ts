/** Size of a built site: bytes and files in all, and its largest page gzipped. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SiteSize {
  bytes: number;
  files: number;
  /** HTML pages. */
  pages: number;
  /** The largest HTML page or data file by gzipped size. */
  largest: { path: string; bytes: number; gzipped: number } | null;
}

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** Walk the site; pages (*.html) and data files (*.json) are gzipped to find the largest. */
export function siteSize(dir: string): SiteSize {
  const out: SiteSize = { bytes: 0, files: 0, pages: 0, largest: null };
  for (const file of walk(dir)) {
    const size = statSync(file).size;
    out.bytes += size;
    out.files++;
    const page = file.endsWith('.html');
    if (page) out.pages++;
    if (!page && !file.endsWith('.json')) continue;
    // Only a file larger than the largest gzipped size so far can beat it.
    if (out.largest && size <= out.largest.gzipped) continue;
    const gzipped = gzipSync(readFileSync(file)).length;
    if (!out.largest || gzipped > out.largest.gzipped) {
      out.largest = { path: relative(dir, file), bytes: size, gzipped };
    }
  }
  return out;
}
