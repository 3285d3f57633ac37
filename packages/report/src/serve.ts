import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export interface ServeOptions {
  /** The built site directory. */
  dir: string;
  /** Sub-path the site was built for, e.g. `/ansatz/` (default `/`). */
  base?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

/**
 * Why a request path is refused before it reaches the file server (400), or null. Refused: a
 * path that does not decode (`%E0%A4%A`), and raw `.`/`..` segments, backslashes or NUL, which
 * no link of the site produces (GitHub Pages would not resolve them to a page either).
 */
export function badRequestPath(rawPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return 'malformed URL encoding';
  }
  for (const p of [rawPath, path]) {
    if (p.split('/').some((s) => s === '..' || s === '.')) return 'dot segments in the path';
    if (p.includes('\\') || p.includes('\0')) return 'backslash or NUL in the path';
  }
  return null;
}

/**
 * Serves a built site under its base path, as GitHub Pages does: files by sirv (a maintained
 * static server; in its `dev` mode it looks each file up on disk, so a rebuilt site shows
 * without a restart, and it serves only files inside the site; `/x/` → `x/index.html`), `/` redirects to the base, a missing page answers 404 with the site's
 * `404.html` when it has one, and a request it cannot parse answers 400. No request can stop
 * the server: a failure answers 500 and the server goes on.
 */
export async function serveSite(opts: ServeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(opts.dir);
  const base = `/${(opts.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const page404 = join(root, '404.html');
  const notFound = (res: ServerResponse) => {
    if (existsSync(page404)) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(page404));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  };
  const files = sirv(root, { etag: true, dev: true, extensions: ['html'] });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const rawPath = url.split(/[?#]/, 1)[0]!;
    const bad = badRequestPath(rawPath);
    if (bad !== null) {
      res
        .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`bad request: ${bad}`);
      return;
    }
    const path = decodeURIComponent(rawPath);
    if (!path.startsWith(base)) {
      if (path === '/' || path === base.slice(0, -1)) res.writeHead(302, { location: base }).end();
      else notFound(res);
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => notFound(res));
  };
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
  });
  const { address, port } = server.address() as AddressInfo;
  return { server, url: `http://${address}:${port}${base}` };
}
