import { createHash } from 'node:crypto';
import { DomainError } from '@laurel/contracts';
import { canonicalJson, Database, ErrorReporter, FieldCipher } from '@laurel/platform';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import type { GatewayTx, PrismaClient } from '../gateway-prisma';
import { IdempotencyRepository } from './idempotency.repository';
import { answerCipher, openAnswer, sealAnswer } from './sealed-answer.util';

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; statusCode: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Records of writes sent with an Idempotency-Key: the first answer is kept and replayed for 24 hours. */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private sweeper: NodeJS.Timeout | null = null;
  /** Stored answers are sealed: they can hold bearer secrets (a report's tracking token, a receipt number). */
  private readonly cipher: FieldCipher;

  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly records: IdempotencyRepository,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.cipher = answerCipher(config.LAUREL_JWT_SECRET);
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) => ErrorReporter.report(error, 'sweeping expired idempotency records'));
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Deletes the records past their 24 hours (stored answers are not kept longer than they can be replayed). */
  async sweep(): Promise<number> {
    return this.system((tx) => this.records.deleteExpired(tx));
  }

  static hash(method: string, path: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
      .digest('hex');
  }

  async claim(scope: string, key: string, method: string, path: string, bodyHash: string): Promise<IdempotencyClaim> {
    return this.system(async (tx) => {
      await this.records.deleteStale(tx, scope, key);
      if (await this.records.insert(tx, scope, key, method, path, bodyHash)) return { kind: 'new' } as const;
      const existing = await this.records.find(tx, scope, key);
      if (!existing || existing.bodyHash !== bodyHash || existing.method !== method || existing.path !== path) {
        return { kind: 'mismatch' } as const;
      }
      if (existing.statusCode === null) return { kind: 'in_progress' } as const;
      return { kind: 'replay', statusCode: existing.statusCode, body: this.open(existing.responseBody) } as const;
    });
  }

  async complete(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.system((tx) => this.records.complete(tx, scope, key, statusCode, sealAnswer(body, this.cipher)));
  }

  /** A failed attempt leaves nothing behind: the same key may be tried again. */
  async release(scope: string, key: string): Promise<void> {
    await this.system((tx) => this.records.release(tx, scope, key));
  }

  private open(stored: unknown): unknown {
    try {
      return openAnswer(stored, this.cipher);
    } catch {
      // Sealed under a secret since replaced: the answer is gone; the caller must not get a different one.
      throw DomainError.conflict({
        zh: '该幂等键的结果已无法重放，请使用新的幂等键',
        en: 'The answer to this Idempotency-Key can no longer be replayed; use a new key',
      });
    }
  }

  private system<T>(fn: (tx: GatewayTx) => Promise<T>): Promise<T> {
    return this.database.acrossTenants(fn);
  }
}
