import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Serves the built SPA; any non-API GET falls back to index.html so client-side routes load. */
export async function registerWebApp(app: FastifyInstance, distDir: string | undefined): Promise<void> {
  const indexFile = distDir === undefined ? undefined : path.join(distDir, 'index.html');
  const hasWebApp = indexFile !== undefined && existsSync(indexFile);
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      maxAge: '1y',
      immutable: true,
      allowedPath: (pathName) => pathName.startsWith('/assets/') || pathName === '/favicon.svg',
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && hasWebApp;
    if (!isPage) throw new AppError('not_found', 'route_not_found');
    // Not `sendFile`: allowedPath (rightly) keeps index.html from being served as a file, so sendFile refuses it.
    const html = await readFile(indexFile as string);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
