import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Serves the built SPA; any non-API GET falls back to index.html so client-side routes load. */
export async function registerWebApp(app: FastifyInstance, distDir: string | undefined): Promise<void> {
  const hasWebApp = distDir !== undefined && existsSync(path.join(distDir, 'index.html'));
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
    return reply.header('cache-control', 'no-cache').sendFile('index.html', distDir as string, { maxAge: 0 });
  });
}
