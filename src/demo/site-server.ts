// A tiny static file server on 127.0.0.1 for the bundled demo site and for test fixture sites.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Handles one request for an exact pathname; wins over files under `root`. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface SiteServerOptions {
  /** Folder served as the site root. Without it, only `routes` answer; everything else is 404. */
  root?: string;
  /** Handlers keyed by exact pathname, without query string (e.g. `/robots.txt`). */
  routes?: Record<string, RouteHandler>;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Placeholders replaced in text files (html, xml, txt) at serve time, e.g.
   * `{ '{{CONTACT}}': 'help@example.test' }`. `{{ORIGIN}}` is always available and
   * becomes the server's own origin (`http://127.0.0.1:PORT`), so sitemaps and
   * robots.txt can hold absolute URLs although the port is random. An entry here
   * with the key `{{ORIGIN}}` overrides that default.
   */
  substitutions?: Record<string, string>;
}

export interface SiteServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** Stops listening and destroys open (keep-alive) sockets, so tests end fast. */
  close(): Promise<void>;
  /** Request targets as received (path plus any query string), in arrival order. */
  requests: string[];
}

/** The placeholder for the server's own origin in served text files. */
export const ORIGIN_PLACEHOLDER = '{{ORIGIN}}';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
};

/** Extensions whose content gets `substitutions` applied. */
const SUBSTITUTED_EXTENSIONS = new Set(['.html', '.htm', '.xml', '.txt']);

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/** The content type for a file name, by extension. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? FALLBACK_CONTENT_TYPE;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sendPage(res: ServerResponse, status: number, title: string, message: string, head: boolean): void {
  const body =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${status} ${escapeHtml(title)}</title></head>` +
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>\n`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(head ? undefined : body);
}

function applySubstitutions(text: string, substitutions: Record<string, string>): string {
  let result = text;
  for (const [placeholder, value] of Object.entries(substitutions)) {
    if (placeholder !== '') result = result.split(placeholder).join(value);
  }
  return result;
}

/** True when `child` is `parent` or lies inside it. */
function isInside(parent: string, child: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

type Resolved =
  | { kind: 'file'; path: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'forbidden' }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

/** Maps a raw request path to a file under `root`, refusing anything that escapes it. */
async function resolveFile(root: string, rawPath: string, search: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-request' };
  const segments = decoded.split(/[/\\]/);
  if (segments.includes('..')) return { kind: 'forbidden' };

  const candidate = resolve(root, '.' + decoded.replace(/\\/g, '/'));
  if (!isInside(root, candidate)) return { kind: 'forbidden' };

  let info;
  try {
    info = await stat(candidate);
  } catch {
    return { kind: 'not-found' };
  }

  let filePath = candidate;
  if (info.isDirectory()) {
    if (!rawPath.endsWith('/')) return { kind: 'redirect', location: rawPath + '/' + search };
    filePath = resolve(candidate, 'index.html');
    try {
      info = await stat(filePath);
    } catch {
      return { kind: 'not-found' };
    }
  }
  if (!info.isFile()) return { kind: 'not-found' };

  // A symlink inside the root must not lead outside it.
  try {
    if (!isInside(root, await realpath(filePath))) return { kind: 'forbidden' };
  } catch {
    return { kind: 'not-found' };
  }
  return { kind: 'file', path: filePath };
}

/** Starts the server and resolves once it listens on 127.0.0.1. */
export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const root = options.root === undefined ? undefined : await realpath(resolve(options.root));
  const routes = options.routes ?? {};
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let substitutions: Record<string, string> = { ...options.substitutions };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    requests.push(target);
    const head = req.method === 'HEAD';

    // Split by hand rather than with URL(), which would silently collapse `..` segments.
    const cut = target.search(/[?#]/);
    const rawPath = cut === -1 ? target : target.slice(0, cut);
    const search = cut === -1 || target[cut] === '#' ? '' : target.slice(cut).replace(/#.*$/, '');
    if (!rawPath.startsWith('/')) {
      sendPage(res, 400, 'Bad request', 'The request target must be a path.', head);
      return;
    }

    let decodedPath: string | undefined;
    try {
      decodedPath = decodeURIComponent(rawPath);
    } catch {
      decodedPath = undefined;
    }
    const route = routes[rawPath] ?? (decodedPath === undefined ? undefined : routes[decodedPath]);
    if (route) {
      await route(req, res);
      return;
    }

    if (root === undefined) {
      sendPage(res, 404, 'Page not found', `Nothing is served at ${rawPath}.`, head);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendPage(res, 405, 'Method not allowed', 'Only GET and HEAD are supported.', head);
      return;
    }

    const resolved = await resolveFile(root, rawPath, search);
    switch (resolved.kind) {
      case 'bad-request':
        sendPage(res, 400, 'Bad request', 'The path could not be decoded.', head);
        return;
      case 'forbidden':
        sendPage(res, 403, 'Forbidden', 'That path is outside the site.', head);
        return;
      case 'not-found':
        sendPage(res, 404, 'Page not found', `Nothing is served at ${decodedPath ?? rawPath}.`, head);
        return;
      case 'redirect':
        res.writeHead(301, { location: resolved.location, 'content-length': 0 });
        res.end();
        return;
      case 'file': {
        let body = await readFile(resolved.path);
        const ext = extname(resolved.path).toLowerCase();
        if (SUBSTITUTED_EXTENSIONS.has(ext)) {
          body = Buffer.from(applySubstitutions(body.toString('utf8'), substitutions), 'utf8');
        }
        res.writeHead(200, {
          'content-type': contentTypeFor(resolved.path),
          'content-length': body.length,
          'cache-control': 'no-store',
        });
        res.end(head ? undefined : body);
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendPage(res, 500, 'Server error', error instanceof Error ? error.message : String(error), req.method === 'HEAD');
      } else {
        res.destroy(error instanceof Error ? error : undefined);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  substitutions = { [ORIGIN_PLACEHOLDER]: url, ...options.substitutions };

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolveClose, rejectClose) => {
      server.close((error) => (error ? rejectClose(error) : resolveClose()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url, port, close, requests };
}
