import { eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { instanceSettings } from './tables.ts';

export async function readSetting<T>(db: Database, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return row?.value as T | undefined;
}

export async function writeSetting(db: Database, key: string, value: unknown): Promise<void> {
  await db
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: new Date() } });
}
