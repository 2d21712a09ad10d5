// Bundles one browser entry with esbuild and serves it on 127.0.0.1 (a secure context for WebRTC)
// as a one-script page: the sip.js harness and the softphone engine page both use it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function servePageBundle(entry: string, name: string): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), `relance-${name}-`));
  const outfile = join(dir, `${name}.js`);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile,
    sourcemap: 'inline',
    logLevel: 'error',
  });
  const js = readFileSync(outfile);
  const page = `<!doctype html><meta charset="utf-8"><title>${name}</title><body><script src="${name}.js"></script></body>`;
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else if (req.url === `/${name}.js`) res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          r();
        });
      }),
  };
}
