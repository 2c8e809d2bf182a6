/** The discrete connection fields of a PostgreSQL URL, for another role on the same database. */
export interface ConnectionFields {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

export function connectionFields(url: string, as?: { user: string; password?: string }): ConnectionFields {
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname) || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: as?.user ?? (decodeURIComponent(parsed.username) || 'postgres'),
    password: as ? as.password : parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}
