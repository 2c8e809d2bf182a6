import { DomainError } from '@laurel/contracts';
import { CommandReceipts, deriveKey, ErrorReporter } from '@laurel/platform';
import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { catchError, from, Observable, of, switchMap, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../http/authenticated-request';
import { IdempotencyService } from './idempotency.service';
import { WITHOUT_IDEMPOTENCY } from './without-idempotency.decorator';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x21-\x7e]{1,255}$/;
const HTTP_CODE = '__httpCode__';

/**
 * Writes sent with an `Idempotency-Key`: the same key and body get the first answer again (with
 * `Idempotent-Replayed: true`) and change nothing; the same key with another body is a 422.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly records: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (!WRITES.has(request.method) || header === undefined) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(WITHOUT_IDEMPOTENCY, [context.getHandler(), context.getClass()])) {
      return next.handle();
    }
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY.test(key)) {
      throw DomainError.validation([
        {
          field: 'header.Idempotency-Key',
          reason: { zh: '须为 1–255 个可见 ASCII 字符', en: 'must be 1–255 visible ASCII characters' },
        },
      ]);
    }
    const scope = request.principal ? `user:${request.principal.actor.userId}` : `ip:${request.ip}`;
    const path = request.url.split('?')[0] ?? request.url;
    const hash = IdempotencyService.hash(request.method, path, request.body);
    const status =
      (Reflect.getMetadata(HTTP_CODE, context.getHandler()) as number | undefined) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return from(this.records.claim(scope, key, request.method, path, hash)).pipe(
      switchMap((claim) => {
        switch (claim.kind) {
          case 'mismatch':
            throw new DomainError({
              code: 'idempotency_key_reused',
              detail: {
                zh: '该幂等键已用于内容不同的请求',
                en: 'This Idempotency-Key was used with a different request',
              },
            });
          case 'in_progress':
            throw DomainError.conflict({
              zh: '使用该幂等键的请求仍在处理中',
              en: 'A request with this Idempotency-Key is still being processed',
            });
          case 'replay':
            reply.header('idempotent-replayed', 'true');
            reply.status(claim.statusCode);
            return of(claim.body);
          default:
            // The services record this write's commands under a key of the caller's and the Idempotency-Key's, so a
            // retry after an answer lost with a dying instance is answered from what it committed, not done again.
            request.commandKey = deriveKey('idempotency', scope, key, request.method, path);
            return recorded(request.commandKey, next).pipe(
              // The write failed: nothing happened (or the services kept receipts of what did), the key may be tried
              // again — released before the failure is answered, so a retry sent at once is not told it is in progress.
              catchError((error: unknown) =>
                from(this.records.release(scope, key).catch(() => undefined)).pipe(
                  switchMap(() => throwError(() => error)),
                ),
              ),
              // The write succeeded: its answer goes out even if it cannot be stored. The record then stays
              // "in progress" until its lease runs out, rather than letting a retry write a second time at once.
              switchMap((body) =>
                from(
                  this.records.complete(scope, key, status, body).then(
                    () => body,
                    (error: unknown) => {
                      ErrorReporter.report(error, `storing the answer of ${request.method} ${path} for replay`);
                      return body;
                    },
                  ),
                ),
              ),
            );
        }
      }),
    );
  }
}

/** The route's handling, with its calls to the services numbered per subject (each call's key its own). */
function recorded(key: string, next: CallHandler): Observable<unknown> {
  const recording = CommandReceipts.recording({
    key,
    subject: 'gateway',
    tenantId: null,
    replaying: null,
    records: false,
  });
  return new Observable((subscriber) => CommandReceipts.run(recording, () => next.handle().subscribe(subscriber)));
}
