import { DomainError, ERROR_CODES, type ErrorCode, problemType } from '@laurel/contracts';
import { ErrorReporter, isDataException } from '@laurel/platform';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredLanguage } from './language.util';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'rule_violation',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Maps whatever a route threw (framework, Fastify or domain) to a DomainError. */
export function toDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
        ? (exception as { statusCode: number }).statusCode
        : 500;
  const code = HTTP_CODES[status];
  if (!code && isDataException(exception)) {
    // A value the gateway's own database refused (a check the route lacks): the caller's 400, reported to be fixed.
    ErrorReporter.report(exception, 'gateway route (a value the database refused)');
    return DomainError.validation([], {
      zh: '请求中有数值超出范围或文本无法保存',
      en: 'A value of the request is out of range or cannot be stored',
    });
  }
  if (!code) {
    ErrorReporter.report(exception, 'gateway route');
    return new DomainError({ code: 'internal', detail: { zh: ERROR_CODES.internal.zh, en: ERROR_CODES.internal.en } });
  }
  const fastifyCode = (exception as { code?: string })?.code ?? '';
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new DomainError({
      code: 'unsupported_media_type',
      detail: { zh: '请以 application/json 提交', en: 'Send the body as application/json' },
    });
  }
  if (status === 400 && /JSON/i.test(String((exception as Error)?.message))) {
    return new DomainError({
      code: 'malformed_request',
      detail: { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' },
      fields: [{ field: 'body', reason: { zh: '不是有效的 JSON', en: 'is not valid JSON' } }],
    });
  }
  if (status === 413) {
    return new DomainError({
      code: 'payload_too_large',
      detail: { zh: ERROR_CODES.payload_too_large.zh, en: ERROR_CODES.payload_too_large.en },
      fields: [{ field: 'body', reason: { zh: '超过大小上限', en: 'exceeds the size limit' } }],
    });
  }
  return new DomainError({ code, detail: { zh: ERROR_CODES[code].zh, en: ERROR_CODES[code].en } });
}

/**
 * How long a caller should wait before retrying when a service is down or did not answer (`Retry-After`): under
 * `npm start` a dead service is restarted after 0.5 s and takes a few seconds to start.
 */
export const RETRY_AFTER_SECONDS = 5;
const RETRYABLE = new Set<string>(['service_unavailable', 'timeout']);

/**
 * The members this renderer owns: RFC 9457's standard members and Laurel's own. An extension of the same name is
 * dropped, so a problem's `status` is always its HTTP status and its `type` always its stable URN.
 */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'basis', 'errors', 'correlationId']);

/** The problem+json document of a DomainError in one language; standard members always win over extensions. */
export function problemBody(
  error: DomainError,
  lang: 'zh' | 'en',
  instance: string,
  correlationId: string,
): Record<string, unknown> {
  const meta = ERROR_CODES[error.code];
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error.extensions ?? {})) {
    if (!RESERVED.has(name) && name !== '__proto__') body[name] = value;
  }
  return Object.assign(body, {
    type: problemType(error.code),
    title: lang === 'en' ? meta.en : meta.zh,
    status: error.status,
    detail: error.detail[lang],
    instance,
    code: error.code,
    ...(error.basis ? { basis: error.basis } : {}),
    ...(error.fields.length > 0
      ? { errors: error.fields.map((f) => ({ field: f.field, reason: f.reason[lang] })) }
      : {}),
    correlationId,
  });
}

/** Renders a DomainError as RFC 9457 problem+json in the caller's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: DomainError): void {
  const lang = preferredLanguage(request.headers['accept-language']);
  if (RETRYABLE.has(error.code)) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  reply
    .status(error.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', lang === 'en' ? 'en' : 'zh-CN')
    .send(problemBody(error, lang, request.url.split('?')[0] ?? '', request.id));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), toDomainError(exception));
  }
}
