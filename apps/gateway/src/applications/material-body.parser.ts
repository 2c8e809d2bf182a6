import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MATERIAL_CONTENT_TYPES } from '@laurel/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AccessTokenService } from '../auth/access-token.service';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

/** The route config (`@RouteConfig(RAW_MATERIAL_BODY)`) of the routes that take a material as a raw body. */
export const RAW_MATERIAL_BODY = { rawMaterialBody: true } as const;

/**
 * A material sent as the raw request body. Only its type, size and SHA-256 are enumerable, so whatever serialises
 * the body (the idempotency hash) sees those and not megabytes of bytes.
 */
export class RawMaterialBody {
  readonly #bytes: Buffer;
  readonly size: number;
  readonly sha256: string;

  constructor(
    readonly contentType: string,
    bytes: Buffer,
    readonly query: unknown,
  ) {
    this.#bytes = bytes;
    this.size = bytes.length;
    this.sha256 = createHash('sha256').update(bytes).digest('hex');
  }

  get bytes(): Buffer {
    return this.#bytes;
  }
}

const failure = (statusCode: number, code: string, message: string) =>
  Object.assign(new Error(message), { statusCode, code });

/**
 * Lets the material upload and replace routes take the file itself as the body (`Content-Type` one of the material
 * types), up to `LAUREL_UPLOAD_LIMIT_BYTES` rather than the JSON limit. Any other route answers such a body with
 * 415 as before, without reading it.
 */
@Injectable()
export class MaterialBodyParser implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly tokens: AccessTokenService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(MATERIAL_CONTENT_TYPES[0])) return;
    const limit = this.config.LAUREL_UPLOAD_LIMIT_BYTES;
    fastify.addContentTypeParser(
      [...MATERIAL_CONTENT_TYPES],
      (request: FastifyRequest, payload: IncomingMessage, done) => {
        const config = request.routeOptions.config as { rawMaterialBody?: boolean } | undefined;
        if (!config?.rawMaterialBody) {
          done(failure(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'unsupported media type'), undefined);
          return;
        }
        // Read megabytes only for a signed-in caller: the guards run after parsing, so check the token first.
        const authorization = request.headers.authorization ?? '';
        if (!authorization.startsWith('Bearer ') || !this.tokens.verify(authorization.slice(7).trim())) {
          done(failure(401, 'LAUREL_UNAUTHENTICATED', 'sign in first'), undefined);
          return;
        }
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) {
          done(failure(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'body too large'), undefined);
          return;
        }
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const chunks: Buffer[] = [];
        let received = 0;
        let finished = false;
        const finish = (error: Error | null, body?: RawMaterialBody) => {
          if (finished) return;
          finished = true;
          payload.removeAllListeners('data');
          done(error, body);
        };
        payload.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > limit) {
            finish(failure(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'body too large'));
            payload.resume();
            return;
          }
          chunks.push(chunk);
        });
        payload.on('end', () => finish(null, new RawMaterialBody(contentType, Buffer.concat(chunks), request.query)));
        payload.on('error', (error) => finish(error));
      },
    );
  }
}
