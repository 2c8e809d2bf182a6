import { createHash } from 'node:crypto';
import { canonicalJson, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { GatewayTx, PrismaClient } from '../gateway-prisma';

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; statusCode: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

/** Records of writes sent with an Idempotency-Key: the first answer is kept and replayed for 24 hours. */
@Injectable()
export class IdempotencyService {
  constructor(private readonly database: Database<PrismaClient>) {}

  static hash(method: string, path: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
      .digest('hex');
  }

  async claim(scope: string, key: string, method: string, path: string, bodyHash: string): Promise<IdempotencyClaim> {
    return this.system(async (tx) => {
      await tx.$executeRawUnsafe(
        `DELETE FROM idempotency_record WHERE scope = $1 AND key = $2 AND created_at < now() - interval '24 hours'`,
        scope,
        key,
      );
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO idempotency_record (scope, key, method, path, body_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (scope, key) DO NOTHING`,
        scope,
        key,
        method,
        path,
        bodyHash,
      );
      if (inserted === 1) return { kind: 'new' } as const;
      const existing = await tx.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
      if (!existing || existing.bodyHash !== bodyHash || existing.method !== method || existing.path !== path) {
        return { kind: 'mismatch' } as const;
      }
      if (existing.statusCode === null) return { kind: 'in_progress' } as const;
      return { kind: 'replay', statusCode: existing.statusCode, body: existing.responseBody } as const;
    });
  }

  async complete(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.system((tx) =>
      tx.$executeRawUnsafe(
        `UPDATE idempotency_record SET status_code = $3, response_body = $4::jsonb, completed_at = now()
          WHERE scope = $1 AND key = $2`,
        scope,
        key,
        statusCode,
        JSON.stringify(body ?? null),
      ),
    );
  }

  /** A failed attempt leaves nothing behind: the same key may be tried again. */
  async release(scope: string, key: string): Promise<void> {
    await this.system((tx) =>
      tx.$executeRawUnsafe(
        `DELETE FROM idempotency_record WHERE scope = $1 AND key = $2 AND status_code IS NULL`,
        scope,
        key,
      ),
    );
  }

  private system<T>(fn: (tx: GatewayTx) => Promise<T>): Promise<T> {
    return this.database.acrossTenants(fn);
  }
}
