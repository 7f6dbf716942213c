import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.gguf': 'application/octet-stream', '.json': 'application/json', '.js': 'text/javascript', '.wasm': 'application/wasm' };

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Requests the server received, with their bodies. */
  received: { path: string; method: string; body: string; range?: string }[];
  /** Serves `body` at `path` from memory (generated pages too big or too odd to commit). */
  serve(path: string, body: string | Buffer, contentType?: string): void;
  close(): Promise<void>;
}

export const SHARED_MODELS = resolve(import.meta.dirname, '../../../shared/fixtures/models');

/**
 * /parts/<file>: a model host that answers HTTP Range requests for a file in ../shared/fixtures/models.
 * Query: failAt=N drops the connection halfway through the Nth request for that path (once); delay=ms slows
 * each answer; declare=bytes claims a total size (for quota tests).
 */
const servePart = async (req: IncomingMessage, res: ServerResponse, url: URL, nth: number) => {
  const file = normalize(join(SHARED_MODELS, url.pathname.slice('/parts/'.length)));
  if (!file.startsWith(SHARED_MODELS)) return res.writeHead(403).end();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return res.writeHead(404).end('not found');
  }
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const total = Number(url.searchParams.get('declare') ?? body.length);
  const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
  if (!range) return res.writeHead(200, { 'content-length': String(total), 'accept-ranges': 'bytes' }).end(body);
  const start = Number(range[1]);
  const end = Math.min(Number(range[2]), total - 1);
  res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${total}`, 'content-length': String(end - start + 1), 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' });
  if (Number(url.searchParams.get('failAt')) === nth) {
    // The connection drops halfway through the part, as a flaky network does.
    res.write(body.subarray(start, start + Math.floor((end - start) / 2)));
    setTimeout(() => res.socket?.destroy(), 50);
    return;
  }
  res.end(body.subarray(start, end + 1));
};

/** Serves tests/e2e/fixtures on 127.0.0.1: the only server any e2e test may talk to. */
export const startFixtureServer = async (dir: string): Promise<FixtureServer> => {
  const received: FixtureServer['received'] = [];
  const routes = new Map<string, { body: string | Buffer; type: string }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const requestUrl = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(requestUrl.pathname);
      received.push({ path, method: req.method ?? 'GET', body: Buffer.concat(chunks).toString('utf8'), range: req.headers.range });
      if (path.startsWith('/parts/')) return servePart(req, res, requestUrl, received.filter((r) => r.path === path).length);
      const route = routes.get(path);
      if (route) return res.writeHead(200, { 'content-type': route.type }).end(route.body);
      const file = normalize(join(dir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(dir)) return res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    received,
    serve: (path, body, contentType = 'text/html; charset=utf-8') => void routes.set(`/${path.replace(/^\//, '')}`, { body, type: contentType }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
