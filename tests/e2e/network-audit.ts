import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Request } from 'playwright-core';

export interface AuditEntry {
  url: string;
  method: string;
  postData: string | null;
  via: 'playwright' | 'proxy';
}

/**
 * Records every request the browser makes. Requests Playwright can attribute come from context
 * events (pages, workers, the offscreen document); anything else that tries to leave the machine
 * reaches a refusing proxy, because loopback is the only address that bypasses it.
 */
export class NetworkAudit {
  readonly entries: AuditEntry[] = [];
  private proxy: Server | null = null;

  async startProxy(): Promise<number> {
    this.proxy = createServer((req, res) => {
      this.entries.push({ url: req.url ?? '', method: req.method ?? 'GET', postData: null, via: 'proxy' });
      res.writeHead(403).end();
    });
    this.proxy.on('connect', (req, socket) => {
      this.entries.push({ url: `connect://${req.url}`, method: 'CONNECT', postData: null, via: 'proxy' });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => this.proxy!.listen(0, '127.0.0.1', resolve));
    return (this.proxy.address() as AddressInfo).port;
  }

  watch(context: BrowserContext): void {
    const record = (request: Request) =>
      this.entries.push({ url: request.url(), method: request.method(), postData: request.postData(), via: 'playwright' });
    context.on('request', record);
  }

  /** Requests that went anywhere but the extension itself, in-memory URLs or the test's own server. */
  violations(allowedOrigin: string): AuditEntry[] {
    return this.entries.filter((entry) => {
      if (entry.via === 'proxy') return true;
      if (/^(chrome-extension|data|blob|about|chrome):/.test(entry.url)) return false;
      return !entry.url.startsWith(allowedOrigin);
    });
  }

  /** Requests, even to the allowed server, whose URL or body carries any of `secrets`. */
  leaks(secrets: string[]): AuditEntry[] {
    return this.entries.filter((entry) => {
      if (/^(chrome-extension|data|blob):/.test(entry.url)) return false;
      const carried = `${entry.url}\n${entry.postData ?? ''}`;
      return secrets.some((secret) => carried.includes(secret));
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.proxy ? this.proxy.close(() => resolve()) : resolve()));
  }
}
