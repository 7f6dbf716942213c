import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.gguf': 'application/octet-stream', '.json': 'application/json' };

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Requests the server received, with their bodies. */
  received: { path: string; method: string; body: string }[];
  /** Serves `body` at `path` from memory (generated pages too big or too odd to commit). */
  serve(path: string, body: string | Buffer, contentType?: string): void;
  close(): Promise<void>;
}

/** Serves tests/e2e/fixtures on 127.0.0.1: the only server any e2e test may talk to. */
export const startFixtureServer = async (dir: string): Promise<FixtureServer> => {
  const received: FixtureServer['received'] = [];
  const routes = new Map<string, { body: string | Buffer; type: string }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      received.push({ path, method: req.method ?? 'GET', body: Buffer.concat(chunks).toString('utf8') });
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
