import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { TMysqlConfig } from './schema.ts';

/** The MariaDB/MySQL server the connector tests run against (root without a password on this machine). */
export const MYSQL_TEST_SERVER = {
  host: process.env.MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.MYSQL_PORT ?? 3306),
  user: process.env.MYSQL_USER ?? 'root',
  password: process.env.MYSQL_PASSWORD ?? '',
};

/** A uniquely named, empty database for one test file; `drop()` removes it. */
export async function createMysqlTestDatabase(label: string) {
  const name = `pdconn_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection({ ...MYSQL_TEST_SERVER });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`USE \`${name}\``);
  await admin.query("SET time_zone = '+00:00'");
  const config: TMysqlConfig = { ...MYSQL_TEST_SERVER, database: name, sslMode: 'disable', connectTimeoutMs: 5_000 };
  return {
    name,
    /** A root connection on the database (session time zone UTC), for setting up and inspecting tables. */
    client: admin,
    config,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined);
      await admin.end();
    },
  };
}
