import type { Socket } from 'node:net';
import { DomainError, type ErrorCode } from '@laurel/contracts';
import { problemBody } from './problem-details.filter';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * A request Node's HTTP parser refuses before Fastify sees it (a Content-Length that is not a number, a control
 * character in a header, a method that does not exist, headers too large, too slow) is answered on the socket as
 * problem+json too, in zh-CN (its headers could not be read), and the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'request_timeout'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 'headers_too_large'
        : 'malformed_request';
  const problem = new DomainError({
    code,
    detail: {
      zh:
        code === 'malformed_request'
          ? '请求不符合 HTTP 协议，无法解析'
          : code === 'headers_too_large'
            ? '请求头过大'
            : '请求未能按时收齐',
      en:
        code === 'malformed_request'
          ? 'The request does not follow the HTTP protocol and cannot be parsed'
          : code === 'headers_too_large'
            ? 'The request headers are too large'
            : 'The request was not received in time',
    },
  });
  // No request was read: no instance, no correlation id.
  const { instance: _instance, correlationId: _correlationId, ...document } = problemBody(problem, 'zh', '', '');
  const body = JSON.stringify(document);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${REASONS[problem.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Language: zh-CN\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
