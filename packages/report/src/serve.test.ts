import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badRequestPath, serveSite } from './serve.js';

/** GET a raw path (not normalised by a URL parser, as a hostile client would send it). */
function get(
  port: number,
  path: string,
): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          body,
          ...(res.headers.location ? { location: res.headers.location } : {}),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveSite', () => {
  let port = 0;
  let close: () => void = () => {};
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ansatz-serve-'));
    mkdirSync(join(dir, 'runs', 'abc'), { recursive: true });
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, 'index.html'), '<h1>overview</h1>');
    writeFileSync(join(dir, 'runs', 'abc', 'index.html'), '<h1>run abc</h1>');
    writeFileSync(join(dir, '_astro', 'app.js'), 'export {};');
    writeFileSync(join(dir, '404.html'), '<h1>no such page</h1>');
    writeFileSync(join(tmpdir(), 'ansatz-serve-secret.txt'), 'secret');
    const { server } = await serveSite({ dir, base: '/ansatz/' });
    port = (server.address() as { port: number }).port;
    close = () => server.close();
  });
  afterAll(() => close());

  it('serves pages under the base and redirects / to it', async () => {
    expect(await get(port, '/')).toMatchObject({ status: 302, location: '/ansatz/' });
    expect(await get(port, '/ansatz/')).toMatchObject({ status: 200, body: '<h1>overview</h1>' });
    expect(await get(port, '/ansatz/runs/abc/')).toMatchObject({
      status: 200,
      body: '<h1>run abc</h1>',
    });
    expect((await get(port, '/ansatz/_astro/app.js')).status).toBe(200);
  });

  it("answers a missing page 404 with the site's 404.html", async () => {
    expect(await get(port, '/ansatz/runs/nope/')).toMatchObject({
      status: 404,
      body: '<h1>no such page</h1>',
    });
    expect((await get(port, '/elsewhere/')).status).toBe(404);
  });

  it('answers malformed and escaping paths 400 and keeps serving', async () => {
    for (const path of [
      '/ansatz/%E0%A4%A',
      '/ansatz/_astro/../index.html',
      '/ansatz/%2e%2e/%2e%2e/ansatz-serve-secret.txt',
      '/ansatz/..%2f..%2fansatz-serve-secret.txt',
      '/ansatz/a%5c..%5c..%5cansatz-serve-secret.txt',
      '/ansatz/index.html%00.js',
    ]) {
      const r = await get(port, path);
      expect(r.status, path).toBe(400);
      expect(r.body).not.toContain('secret');
    }
    expect((await get(port, '/ansatz/')).status).toBe(200);
  });
});

describe('badRequestPath', () => {
  it('accepts ordinary paths, including encoded characters', () => {
    expect(badRequestPath('/ansatz/runs/abc/')).toBeNull();
    expect(badRequestPath('/ansatz/caf%C3%A9/')).toBeNull();
    expect(badRequestPath('/ansatz/a..b/')).toBeNull();
  });
});
