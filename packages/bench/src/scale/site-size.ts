/** Size of a built site: bytes and files in all, its largest page and data file gzipped. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Largest {
  path: string;
  bytes: number;
  gzipped: number;
}

export interface SiteSize {
  bytes: number;
  files: number;
  /** HTML pages. */
  pages: number;
  /** The largest HTML page by gzipped size. */
  largestPage: Largest | null;
  /** The largest data file (*.json) by gzipped size. */
  largestData: Largest | null;
  /** The runs table's column data (runs/table/*.json), which its page downloads in full. */
  tableData: { files: number; bytes: number; gzipped: number };
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
  const out: SiteSize = {
    bytes: 0,
    files: 0,
    pages: 0,
    largestPage: null,
    largestData: null,
    tableData: { files: 0, bytes: 0, gzipped: 0 },
  };
  for (const file of walk(dir)) {
    const size = statSync(file).size;
    out.bytes += size;
    out.files++;
    const page = file.endsWith('.html');
    if (page) out.pages++;
    if (!page && !file.endsWith('.json')) continue;
    const path = relative(dir, file);
    const table = path.startsWith('runs/table/');
    const best = page ? out.largestPage : out.largestData;
    // Only a file larger than the largest gzipped size so far can beat it.
    if (!table && best && size <= best.gzipped) continue;
    const gzipped = gzipSync(readFileSync(file)).length;
    if (table) {
      out.tableData.files++;
      out.tableData.bytes += size;
      out.tableData.gzipped += gzipped;
    }
    if (!best || gzipped > best.gzipped) {
      if (page) out.largestPage = { path, bytes: size, gzipped };
      else out.largestData = { path, bytes: size, gzipped };
    }
  }
  return out;
}
