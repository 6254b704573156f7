import type { ErrorRequestHandler } from 'express';

/**
 * Express answers an unreadable or oversized request body with an HTML page; GraphQL clients expect JSON
 * errors with a code, so translate those few cases here.
 */
export const jsonBodyErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  const status = typeof error?.status === 'number' ? error.status : 500;
  const requestId = res.getHeader('x-request-id');
  if (error?.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: `Request body larger than ${error.limit} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE', requestId } }] });
  } else if (error?.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', requestId } }] });
  } else if (status >= 400 && status < 500) {
    res.status(status).json({ errors: [{ message: 'Bad request.', extensions: { code: 'BAD_REQUEST', requestId } }] });
  } else {
    next(error);
  }
};
