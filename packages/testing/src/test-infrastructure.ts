import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { databaseUrl, quoteIdent, withAdmin } from './admin-database.util';
import { testRunId, uniqueSuffix } from './run-id.util';
import { templateDatabaseName } from './template-database';
import { testConfig } from './test.config';

const REDIS_URL = testConfig.LAUREL_TEST_REDIS_URL;
const NATS_URL = testConfig.LAUREL_TEST_NATS_URL;

/**
 * One test file's own world: a database cloned from the run's migrated template, and Redis key and NATS
 * subject/stream prefixes nobody else uses. `dispose()` removes all of it.
 */
export class TestInfrastructure {
  private constructor(
    readonly database: string,
    readonly prefix: string,
  ) {}

  static async create(): Promise<TestInfrastructure> {
    const prefix = `t${testRunId()}${uniqueSuffix()}`;
    const database = `laurel_${prefix}`;
    const template = templateDatabaseName();
    await withAdmin((client) =>
      client.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE ${quoteIdent(template)}`),
    );
    return new TestInfrastructure(database, prefix);
  }

  get databaseUrl(): string {
    return databaseUrl(this.database);
  }

  /** The environment of a service under test. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LAUREL_LOG_LEVEL: testConfig.LAUREL_TEST_LOG_LEVEL,
      LAUREL_DATABASE_URL: this.databaseUrl,
      LAUREL_DATABASE_POOL_SIZE: '5',
      LAUREL_REDIS_URL: REDIS_URL,
      LAUREL_REDIS_PREFIX: this.prefix,
      LAUREL_NATS_URL: NATS_URL,
      LAUREL_NATS_PREFIX: this.prefix,
      LAUREL_RELAY_INTERVAL_MS: '200',
      ...extra,
    };
  }

  /** Deletes every Redis key of this file's prefix: what losing Redis looks like, without touching other runs. */
  async flushRedis(): Promise<number> {
    const redis = new Redis(REDIS_URL, { lazyConnect: false });
    try {
      let removed = 0;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) removed += await redis.del(...keys);
      } while (cursor !== '0');
      return removed;
    } finally {
      redis.disconnect();
    }
  }

  async dispose(): Promise<void> {
    await this.flushRedis().catch(() => undefined);
    const nats = await connect({ servers: NATS_URL }).catch(() => null);
    if (nats) {
      const jsm = await jetstreamManager(nats);
      // Event streams start with the prefix; object store buckets live in streams named `OBJ_<prefix>_…`.
      for await (const name of jsm.streams.names()) {
        if (name.includes(this.prefix)) await jsm.streams.delete(name).catch(() => undefined);
      }
      await nats.close();
    }
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(this.database)} WITH (FORCE)`));
  }
}
