import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isAppError, type ErrorCode } from '../../domain/errors.js';
import { statusOfKind } from '../error-status.js';

/** The admin API's error body: a stable code to branch on, a message to show, and details. */
export interface AdminApiErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}

/** Codes whose HTTP status is more specific than their kind's. */
const statusOfCode: Partial<Record<ErrorCode, number>> = { MEDIA_TOO_LARGE: 413 };

/** Errors of the admin API as JSON, never as an HTML page. */
export async function adminApiErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store');
  if (isAppError(error)) {
    const status = statusOfCode[error.code] ?? statusOfKind[error.kind];
    if (status >= 500) request.log.error({ err: error }, error.message);
    return reply.code(status).send(body(error.code, error.message, error.details));
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return reply.code(400).send(body('INVALID_INPUT', `The request is not valid: ${issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; ')}.`, { issues }));
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return reply.code(statusCode).send(body('INVALID_INPUT', 'The request could not be understood. Check its format and try again.', { cause: (error as FastifyError).code }));
  }
  request.log.error({ err: error }, 'admin API request failed');
  return reply.code(500).send(body('INTERNAL', 'Something went wrong on our side. It has been logged; please try again in a moment.'));
}

function body(code: string, message: string, details?: unknown): AdminApiErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
