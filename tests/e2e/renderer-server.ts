import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

type ResponseHeaders = Record<string, string | string[]>;

/** The built renderer on 127.0.0.1, standing in for Electron's file:// load. */
export type RendererServer = { url: string; close(): Promise<void> };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Serves `folder` on a random port. Each response's headers go through `finishHeaders`, so main's
 * own onHeadersReceived (its Content-Security-Policy) applies as it does in the window.
 */
export async function serveRenderer(
  folder: string,
  finishHeaders: (url: string, headers: ResponseHeaders) => Promise<ResponseHeaders>,
): Promise<RendererServer> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    // A browser tab asks for a favicon, an Electron window does not: answer it with nothing.
    if (pathname === '/favicon.ico') return void response.writeHead(204).end();
    const file = resolve(join(root, pathname === '/' ? 'index.html' : pathname));
    const inside = file.startsWith(root + sep);
    const headers = { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
    (inside ? readFile(file) : Promise.reject(new Error('outside the renderer folder')))
      .then(async (body) => {
        response.writeHead(200, { ...(await finishHeaders(url.href, headers)), 'Cache-Control': 'no-store' });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end(`Not in the built renderer: ${pathname}`);
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
