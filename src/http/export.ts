import { Router, type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { CypherRunner } from '../db/cypherRunner';
import { AppError, BadInputError, ErrorCode, LimitExceededError } from '../errors';
import { CONTEXT_PATH, exportFormat, JSONLD_CONTENT_TYPE, JSONLD_CONTEXT, openExport, subgraphRequest, type ExportFormat } from '../export';
import { LIMITS } from '../limits';
import type { Logger } from '../logger';

/**
 * Downloads of the graph: `GET /export/jsonld`, `/export/graphml`, `/export/csv.zip` (and `GET /export?format=`),
 * the whole graph or, with `?ids=ID,ID…&depth=N`, the subgraph around those entities; and the JSON-LD context at
 * `GET /context.jsonld`. Bad input is a JSON error with a code (`{errors: [{message, extensions: {code}}]}`)
 * before any byte of the file; a failure mid-stream can only cut the download, and is logged.
 */
const STATUS_BY_CODE: Partial<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.LimitExceeded]: 400,
  [ErrorCode.QueryTimeout]: 504,
  [ErrorCode.DatabaseUnavailable]: 503,
};

const QUERY_PARAMETERS = new Set(['ids', 'around', 'depth', 'format']);

export function createExportRouter(cypher: CypherRunner, logger: Logger): Router {
  const router = Router();
  let downloads = 0;

  router.get(CONTEXT_PATH, (_req, res) => {
    res.type(JSONLD_CONTENT_TYPE).set('Cache-Control', 'public, max-age=3600').send(JSON.stringify(JSONLD_CONTEXT, null, 2));
  });

  const download = (formatOf: (req: Request) => ExportFormat) => async (req: Request, res: Response) => {
    if (downloads >= LIMITS.export.concurrentDownloads) {
      const busy = new LimitExceededError('export', LIMITS.export.concurrentDownloads, `${LIMITS.export.concurrentDownloads} exports are already streaming; try again when one has finished.`);
      sendError(res, busy, 429);
      return;
    }
    downloads += 1;
    try {
      const format = formatOf(req);
      const request = subgraphRequest(idsParameter(req), depthParameter(req));
      const contextUrl = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}${CONTEXT_PATH}`;
      const file = await openExport(cypher, format, request, { contextUrl });
      // attachment() guesses a type from the file name; the format's own type is set after it.
      res.status(200).attachment(file.fileName).type(file.contentType);
      try {
        await pipeline(file.stream, res);
      } catch (error) {
        // Headers are sent: the download is cut (pipeline destroyed the response), the cause is logged.
        logger.warn({ err: error, format }, 'export stream failed');
      }
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof AppError) sendError(res, error);
      else {
        logger.error({ err: error }, 'export failed');
        sendError(res, new AppError(ErrorCode.InternalServerError, 'The export failed on the server.'), 500);
      }
    } finally {
      downloads -= 1;
    }
  };

  router.get('/export/jsonld', download(() => 'jsonld'));
  router.get('/export/graphml', download(() => 'graphml'));
  router.get('/export/csv.zip', download(() => 'csv'));
  router.get('/export/jsonl', download(() => 'jsonl'));
  router.get('/export', download((req) => exportFormat(singleParameter(req, 'format') ?? '')));
  return router;
}

function sendError(res: Response, error: AppError, status = STATUS_BY_CODE[String(error.extensions.code)] ?? 500): void {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}

function singleParameter(req: Request, name: string): string | undefined {
  const unknown = Object.keys(req.query).find((parameter) => !QUERY_PARAMETERS.has(parameter));
  if (unknown) throw new BadInputError(unknown, `is not a parameter of an export (use ${[...QUERY_PARAMETERS].join(', ')}).`);
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadInputError(name, 'give it once.');
  return value;
}

/** `?ids=A,B` or `?ids=A&ids=B` (`around` is the same parameter, as the issue names it). */
function idsParameter(req: Request): string[] {
  const values = [req.query.ids, req.query.around].flat().filter((value) => value !== undefined);
  if (values.some((value) => typeof value !== 'string')) throw new BadInputError('ids', 'is a comma-separated list of entity IDs.');
  return (values as string[]).flatMap((value) => value.split(',')).map((id) => id.trim()).filter((id) => id.length > 0);
}

function depthParameter(req: Request): number | undefined {
  const depth = singleParameter(req, 'depth');
  if (depth === undefined) return undefined;
  if (!/^\d{1,3}$/.test(depth)) throw new BadInputError('depth', `must be a whole number from ${LIMITS.export.depth.min} to ${LIMITS.export.depth.max}.`);
  return Number(depth);
}
