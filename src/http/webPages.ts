import express, { Router, type NextFunction, type Request, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

export interface WebPagesOptions {
  /** Serve GraphiQL at /graphiql (and redirect browsers from GET /graphql). The explorer is served either way. */
  graphiqlEnabled: boolean;
  /** Where `npm run build:web` writes the pages: `<repo>/dist/web`. */
  webRoot: string;
}

/**
 * Everything the pages load comes from this server: scripts, styles, fonts (inlined as data: URIs or files), the
 * Monaco workers and the GraphQL endpoint. Monaco applies inline styles, hence 'unsafe-inline' for styles only.
 */
export const WEB_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const NOT_BUILT = 'The web pages are not built: run `npm run build:web`.\n';

interface Page {
  /** Where the page is served, e.g. `/graphiql`. */
  mountPath: string;
  /** Its directory under webRoot. */
  directory: string;
}

const GRAPHIQL: Page = { mountPath: '/graphiql', directory: 'graphiql' };
const EXPLORER: Page = { mountPath: '/explore', directory: 'explorer' };

/**
 * Serves the self-hosted GraphiQL (`/graphiql`) and the visual explorer (`/explore`) with their assets from
 * `webRoot`, under a Content-Security-Policy that allows only this server, and sends browsers that open
 * `GET /graphql` to GraphiQL. Mount it before the GraphQL middleware.
 */
export function createWebPagesRouter(options: WebPagesOptions): Router {
  const router = Router();
  const webRoot = path.resolve(options.webRoot);

  if (options.graphiqlEnabled) {
    // A browser opening the endpoint gets the IDE instead of Apollo's CSRF-prevention 400; the query string
    // (e.g. ?query=…) is kept. POSTs and non-HTML GETs pass through to the GraphQL middleware.
    router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
      if (!(req.headers.accept ?? '').includes('text/html')) return next();
      const queryIndex = req.originalUrl.indexOf('?');
      res.redirect(302, `${GRAPHIQL.mountPath}${queryIndex >= 0 ? req.originalUrl.slice(queryIndex) : ''}`);
    });
    router.use(GRAPHIQL.mountPath, pageRouter(webRoot, GRAPHIQL));
  } else {
    router.use(GRAPHIQL.mountPath, (_req: Request, res: Response) => {
      res.status(404).type('text/plain').send('GraphiQL is disabled on this server (GRAPHIQL_ENABLED=false).\n');
    });
  }
  router.use(EXPLORER.mountPath, pageRouter(webRoot, EXPLORER));

  return router;
}

/** One page: its index.html at the mount path itself, its built assets below it, 404 for anything else. */
function pageRouter(webRoot: string, page: Page): Router {
  const router = Router();
  const root = path.join(webRoot, page.directory);
  const indexFile = path.join(root, 'index.html');

  router.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', WEB_PAGES_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      res.status(405).type('text/plain').send('Method not allowed.\n');
      return;
    }
    if (!fs.existsSync(indexFile)) {
      res.status(503).setHeader('Retry-After', '60');
      res.type('text/plain').send(NOT_BUILT);
      return;
    }
    next();
  });

  // `/graphiql` and `/graphiql/` (with any query string): the page itself, always revalidated.
  router.get('/', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  });

  router.use(
    express.static(root, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders(res, file) {
        // Chunks and assets carry a content hash in their names; entry files, workers and the vendor file do not.
        const hashed = /[\\/](chunks|assets)[\\/]/.test(file);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );

  router.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found.\n');
  });

  return router;
}
