import { Injectable } from '@nestjs/common';
import type { GatewayTx } from '../gateway-prisma';

/**
 * How long a claimed key may stay "in progress" before it counts as abandoned (the gateway died mid-request):
 * longer than a request can take (the NATS request time-out, 10 s, and a transaction's, 15 s).
 */
const LEASE = "interval '60 seconds'";
/** How long an answer is kept and replayed. */
const KEPT = "interval '24 hours'";

/** Records of writes sent with an Idempotency-Key (scope and key identify one); platform-level rows. */
@Injectable()
export class IdempotencyRepository {
  /** Deletes the records past their 24 hours; the number deleted. */
  deleteExpired(tx: GatewayTx): Promise<number> {
    return tx.$executeRawUnsafe(`DELETE FROM idempotency_record WHERE created_at < now() - ${KEPT}`);
  }

  /** Deletes the key's record if it is past its 24 hours or was abandoned in progress (its lease ran out). */
  deleteStale(tx: GatewayTx, scope: string, key: string): Promise<number> {
    return tx.$executeRawUnsafe(
      `DELETE FROM idempotency_record WHERE scope = $1 AND key = $2
            AND (created_at < now() - ${KEPT} OR (status_code IS NULL AND created_at < now() - ${LEASE}))`,
      scope,
      key,
    );
  }

  /** Claims the key with a record in progress; false when the key already has a record (nothing is changed). */
  async insert(
    tx: GatewayTx,
    scope: string,
    key: string,
    method: string,
    path: string,
    bodyHash: string,
  ): Promise<boolean> {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO idempotency_record (scope, key, method, path, body_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (scope, key) DO NOTHING`,
      scope,
      key,
      method,
      path,
      bodyHash,
    );
    return inserted === 1;
  }

  find(tx: GatewayTx, scope: string, key: string) {
    return tx.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  }

  /** Records the answer (stored as given, in a jsonb column). */
  complete(tx: GatewayTx, scope: string, key: string, statusCode: number, storedBody: unknown): Promise<number> {
    return tx.$executeRawUnsafe(
      `UPDATE idempotency_record SET status_code = $3, response_body = $4::jsonb, completed_at = now()
          WHERE scope = $1 AND key = $2`,
      scope,
      key,
      statusCode,
      JSON.stringify(storedBody),
    );
  }

  /** Deletes the key's record if it is still in progress (a completed answer stays). */
  release(tx: GatewayTx, scope: string, key: string): Promise<number> {
    return tx.$executeRawUnsafe(
      `DELETE FROM idempotency_record WHERE scope = $1 AND key = $2 AND status_code IS NULL`,
      scope,
      key,
    );
  }
}
