import { Router, type Request, type Response } from 'express';
import type { AuthServices } from '../auth';
import { requireRole } from '../auth/viewer';
import type { CypherRunner } from '../db/cypherRunner';
import { AppError, BadInputError, ErrorCode, LimitExceededError } from '../errors';
import { csvKindOf, formatOf, runImport, type ImportFile, type ImportFormat } from '../import';
import { LIMITS } from '../limits';
import type { Logger } from '../logger';

/**
 * `POST /import` for an admin: the body is one import file (JSON Lines, or CSV of one kind or relationship type),
 * read as it streams; the answer is the import's report as JSON — 200 when everything was written (or, with
 * `?dryRun=true`, is valid), 422 when a row is refused (nothing written), 500 when a batch failed (the report says
 * where to resume). `?format=jsonl|csv` (or a `name=` with the extension), `?kind=` for CSV (or from `name`),
 * `?resumeFrom=LINE`. Coded JSON errors: 401/403 without the admin role, 413 beyond `import.maxBodyBytes`.
 */
const PARAMETERS = new Set(['format', 'kind', 'name', 'dryRun', 'resumeFrom']);

class BodyTooLarge extends LimitExceededError {
  constructor() {
    super('body', LIMITS.import.maxBodyBytes, `The import body is larger than ${LIMITS.import.maxBodyBytes} bytes; split the file.`);
  }
}

export function createImportRouter(cypher: CypherRunner, auth: AuthServices, logger: Logger): Router {
  const router = Router();
  router.post('/import', async (req: Request, res: Response) => {
    try {
      const viewer = requireRole(await auth.authenticate(req.headers.authorization), 'admin');
      const file = importFile(req);
      const resumeFrom = parameter(req, 'resumeFrom');
      if (resumeFrom !== undefined && !/^\d{1,9}$/.test(resumeFrom)) throw new BadInputError('resumeFrom', 'is the line to resume from.');
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > LIMITS.import.maxBodyBytes) throw new BodyTooLarge();
      const report = await runImport(cypher, {
        files: [file],
        principal: viewer,
        dryRun: parameter(req, 'dryRun') === 'true',
        resumeFrom: resumeFrom === undefined ? undefined : { fileIndex: 0, line: Number(resumeFrom) },
      });
      res.status(report.ok ? 200 : report.failure ? 500 : 422).json(report);
    } catch (error) {
      // A body cut short by the limit is not read on: the connection closes after the answer.
      if (error instanceof BodyTooLarge) res.set('Connection', 'close');
      if (error instanceof AppError) sendError(res, error);
      else {
        logger.error({ err: error }, 'import failed');
        sendError(res, new AppError(ErrorCode.InternalServerError, 'The import failed on the server.'), 500);
      }
    }
  });
  return router;
}

function importFile(req: Request): ImportFile {
  const name = parameter(req, 'name') ?? 'body';
  const format = (parameter(req, 'format') ?? formatOf(name) ?? (req.is('text/csv') ? 'csv' : 'jsonl')) as ImportFormat;
  if (format !== 'jsonl' && format !== 'csv') throw new BadInputError('format', 'is jsonl or csv.');
  const kind = parameter(req, 'kind') ?? (format === 'csv' ? csvKindOf(name) : undefined);
  if (format === 'csv' && !kind) throw new BadInputError('kind', 'names the kind or relationship type of the CSV rows (e.g. Organization).');
  return { name, format, kind, bytes: bounded(req) };
}

async function* bounded(body: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > LIMITS.import.maxBodyBytes) throw new BodyTooLarge();
    yield chunk;
  }
}

function parameter(req: Request, name: string): string | undefined {
  const unknown = Object.keys(req.query).find((key) => !PARAMETERS.has(key));
  if (unknown) throw new BadInputError(unknown, `is not a parameter of an import (use ${[...PARAMETERS].join(', ')}).`);
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadInputError(name, 'give it once.');
  return value;
}

const STATUS_BY_CODE: Partial<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.LimitExceeded]: 413,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.DatabaseUnavailable]: 503,
};

function sendError(res: Response, error: AppError, status = STATUS_BY_CODE[String(error.extensions.code)] ?? 500): void {
  const { http, ...extensions } = error.extensions as { http?: { headers?: Map<string, string> } } & Record<string, unknown>;
  for (const [header, value] of http?.headers ?? []) res.set(header, value);
  res.status(status).json({ errors: [{ message: error.message, extensions }] });
}
