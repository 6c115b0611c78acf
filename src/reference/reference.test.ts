import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const local = path.join(root, 'reference');
const steering = path.join(root, '..', 'shared', 'reference');
const hasSteering = existsSync(steering);

if (!hasSteering)
  console.warn(`[reference copy check not run] ${steering} is absent (only present beside the steering repository)`);

describe.runIf(hasSteering)('reference data copies', () => {
  const files = hasSteering
    ? readdirSync(steering).filter((name) => name.endsWith('.json') || name.endsWith('.md'))
    : [];
  it.each(files.filter((name) => name !== 'README.md'))('%s equals ../shared/reference', (name) => {
    expect(readFileSync(path.join(local, name), 'utf8')).toBe(readFileSync(path.join(steering, name), 'utf8'));
  });
});
