import { Client } from 'pg';
import { testConfig } from './test.config';

export const ADMIN_URL = testConfig.LAUREL_TEST_DATABASE_URL;

/** Runs statements on the cluster's administrative database. */
export async function withAdmin<T>(fn: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
