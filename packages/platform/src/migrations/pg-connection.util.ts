import type { PoolConfig } from 'pg';

/**
 * A PostgreSQL connection as discrete fields. The migration tooling never hands a connection string to
 * `@prisma/adapter-pg`: with one, adapter-pg 7.10 keeps it when it derives the shadow database's config,
 * and pg lets the string win over the `database` field, so the "shadow" would be the real database.
 */
export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl?: boolean;
  applicationName?: string;
}

const SSL_MODES: Record<string, boolean> = {
  disable: false,
  prefer: false,
  require: true,
  'verify-ca': true,
  'verify-full': true,
};

/** Parses `postgresql://user:password@host:port/database?sslmode=...&host=/socket/dir&application_name=...`. */
export function parsePgConnection(url: string): PgConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The database URL is not a valid URL (expected postgresql://user@host:port/database)');
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new Error(`The database URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '') throw new Error('The database URL names no database');
  const connection: PgConnection = {
    host: decodeURIComponent(parsed.hostname) || 'localhost',
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    user: decodeURIComponent(parsed.username) || 'postgres',
    database,
  };
  if (parsed.password !== '') connection.password = decodeURIComponent(parsed.password);
  for (const [key, value] of parsed.searchParams) {
    if (key === 'sslmode') {
      const ssl = SSL_MODES[value];
      if (ssl === undefined) throw new Error(`Unsupported sslmode "${value}" in the database URL`);
      connection.ssl = ssl;
    } else if (key === 'host') {
      connection.host = value;
    } else if (key === 'application_name') {
      connection.applicationName = value;
    } else {
      throw new Error(
        `Unsupported parameter "${key}" in the database URL (the migration runner sets each service's schema itself)`,
      );
    }
  }
  return connection;
}

/** The same server, another database. */
export function withDatabase(connection: PgConnection, database: string): PgConnection {
  return { ...connection, database };
}

/** A `pg` pool/client config from discrete fields; `searchPath` sets the session's schema as `?schema=` does for the CLI. */
export function toPgConfig(connection: PgConnection, searchPath?: string): PoolConfig {
  const config: PoolConfig = {
    host: connection.host,
    port: connection.port,
    user: connection.user,
    database: connection.database,
  };
  if (connection.password !== undefined) config.password = connection.password;
  if (connection.ssl) config.ssl = true;
  if (connection.applicationName !== undefined) config.application_name = connection.applicationName;
  if (searchPath !== undefined) config.options = `-c search_path=${searchPath}`;
  return config;
}
