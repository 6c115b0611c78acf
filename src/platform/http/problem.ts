import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { AppError, type ErrorKind, type FieldError } from '../errors.ts';
import { hasMessage, type Locale, translate } from '../i18n/index.ts';
import { type IssueLike, toFieldErrors } from '../validation.ts';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** RFC 9457 problem details, localised, with field errors when input was invalid. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; code: string; message: string }[];
  correlationId: string;
}

/** Fastify's own errors for malformed requests, by their code. */
const FASTIFY_CODES: Record<string, AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: new AppError('invalid', 'malformed_body'),
  FST_ERR_CTP_EMPTY_JSON_BODY: new AppError('invalid', 'malformed_body'),
  FST_ERR_CTP_BODY_TOO_LARGE: new AppError('too_large', 'body_too_large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new AppError('unsupported_media_type', 'unsupported_media_type'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new AppError('invalid', 'malformed_body'),
};

/** What a validation context validated, so field errors can tell a missing value from a wrong one. */
function validatedInput(request: FastifyRequest | undefined, context: string | undefined): unknown {
  if (!request) return undefined;
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

function fromValidation(error: FastifyError, request?: FastifyRequest): AppError {
  const input = validatedInput(request, error.validationContext);
  const fieldErrors = (error.validation ?? []).flatMap((entry) => {
    const issue: IssueLike = {
      ...(entry.params as Record<string, unknown>),
      code: entry.keyword,
      path: entry.instancePath.split('/').filter(Boolean),
      message: entry.message ?? '',
    };
    const errors = toFieldErrors(issue, input);
    const context = error.validationContext;
    return context && context !== 'body' ? errors.map((e) => ({ ...e, path: `${context}.${e.path}` })) : errors;
  });
  return new AppError('invalid', 'validation_failed', { fieldErrors });
}

/** Anything thrown while handling a request, as an AppError; undefined means an unexpected failure. */
export function toAppError(error: unknown, request?: FastifyRequest): AppError | undefined {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) return fromValidation(fastifyError, request);
  if (fastifyError?.code && FASTIFY_CODES[fastifyError.code]) return FASTIFY_CODES[fastifyError.code];
  if (fastifyError?.statusCode === 429) return new AppError('rate_limited', 'rate_limited');
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return new AppError('invalid', 'malformed_body');
  if (fastifyError?.statusCode === 400 && fastifyError.code?.startsWith('FST_ERR_CTP')) {
    return new AppError('invalid', 'malformed_body');
  }
  // A unique constraint refused a write the service's own check let through: someone else made the same name (or
  // the like) at the same moment. The person retries; that is not a server fault.
  if (isUniqueViolation(error)) return new AppError('conflict', 'changed_concurrently');
  return undefined;
}

function localiseFieldError(locale: Locale, fieldError: FieldError) {
  const key = hasMessage(`validation.${fieldError.code}`)
    ? `validation.${fieldError.code}`
    : 'validation.invalid_value';
  return { path: fieldError.path, code: fieldError.code, message: translate(locale, key, fieldError.params) };
}

/** Parameters that are codes themselves (a role) are shown in words: "at least the role owner" → "eigenaar". */
function localisedParams(locale: Locale, params: Record<string, unknown>): Record<string, unknown> {
  const role = params.role;
  if (typeof role !== 'string' || !hasMessage(`roles.${role}`)) return params;
  return { ...params, role: translate(locale, `roles.${role}`) };
}

export function toProblem(error: AppError, locale: Locale, correlationId: string): Problem {
  const status = STATUS_BY_KIND[error.kind];
  const detailKey = hasMessage(`errors.${error.code}`) ? `errors.${error.code}` : `errors.kind.${error.kind}`;
  return {
    type: `https://privacydesk.org/problems/${error.code}`,
    title: translate(locale, `errors.kind.${error.kind}`),
    status,
    code: error.code,
    detail: translate(locale, detailKey, localisedParams(locale, error.params)),
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors.map((e) => localiseFieldError(locale, e)) } : {}),
    correlationId,
  };
}

export function internalProblem(locale: Locale, correlationId: string): Problem {
  return {
    type: 'https://privacydesk.org/problems/internal_error',
    title: translate(locale, 'errors.kind.internal'),
    status: 500,
    code: 'internal_error',
    detail: translate(locale, 'errors.internal_error', { correlationId }),
    correlationId,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

/** Fastify's error handler: expected errors become localised problems; the rest a 500 with a correlation id only. */
export function problemErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error, request);
  if (appError) {
    if (appError.kind === 'rate_limited' && (error as FastifyError).statusCode === 429) {
      reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    }
    return sendProblem(reply, toProblem(appError, request.locale, request.id));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, internalProblem(request.locale, request.id));
}
