import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.ts';

const NUL = '\u0000';

/** Paths (dot-separated, as field errors name them) of every string in a value that holds a NUL character. */
export function pathsWithNul(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes(NUL) ? [path.join('.')] : [];
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = [...path, key];
    return key.includes(NUL) ? [here.join('.')] : pathsWithNul(child, here);
  });
}

function nulFieldErrors(request: FastifyRequest): FieldError[] {
  const fromBody = pathsWithNul(request.body);
  const fromQuery = pathsWithNul(request.query).map((path) => `querystring.${path}`);
  const fromParams = pathsWithNul(request.params).map((path) => `params.${path}`);
  return [...fromBody, ...fromQuery, ...fromParams].map((path) => ({ path, code: 'nul_character' }));
}

/**
 * PostgreSQL text cannot hold the NUL character: a value with one would fail deep in a query as a 500. Every
 * string of every request is checked before validation, and such input is refused as a 400 naming the field.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fieldErrors = nulFieldErrors(request);
    if (fieldErrors.length > 0) throw new AppError('invalid', 'validation_failed', { fieldErrors });
  });
}
