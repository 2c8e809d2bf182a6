import { DomainError, type DomainErrorShape, ERROR_CODES } from '@laurel/contracts';
import { ErrorReporter } from './error-reporter';

/** Prisma's codes for a value the column cannot hold (too long, out of range, beyond 64 bits). */
const PRISMA_VALUE_CODES = new Set(['P2000', 'P2020', 'P2033']);

/**
 * Whether PostgreSQL (or Prisma before it) refused a value the caller sent: SQLSTATE class 22, data exception (a
 * number out of range, a NUL or an invalid escape in text or jsonb), found on the error or the causes it wraps.
 */
export function isDataException(error: unknown): boolean {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 20; seen += 1) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object') continue;
    const node = current as Record<string, unknown>;
    for (const code of [node.code, node.originalCode]) {
      if (typeof code === 'string' && (/^22[0-9A-Z]{3}$/.test(code) || PRISMA_VALUE_CODES.has(code))) return true;
    }
    queue.push(node.cause, node.meta, node.driverAdapterError);
  }
  return false;
}

/** Turns anything thrown by a handler into the shape that crosses NATS; unexpected errors are reported, not leaked. */
export function toErrorShape(error: unknown, where: string): DomainErrorShape {
  if (error instanceof DomainError) return error.toShape();
  if (isDataException(error)) {
    // The caller's value, not the service, is at fault (a check the contract lacks): a 400, and a warning to fix it.
    ErrorReporter.report(error, `${where} (a value the database refused; the contract should refuse it first)`);
    return {
      code: 'validation_failed',
      detail: {
        zh: '请求中有数值超出范围或文本无法保存',
        en: 'A value of the request is out of range or cannot be stored',
      },
      fields: [],
    };
  }
  ErrorReporter.report(error, where);
  return { code: 'internal', detail: { zh: ERROR_CODES.internal.zh, en: ERROR_CODES.internal.en } };
}

/** Re-creates the DomainError a service threw from what came back over NATS. */
export function fromErrorShape(value: unknown): DomainError {
  if (DomainError.isShape(value)) return new DomainError(value);
  return new DomainError({ code: 'internal', detail: { zh: ERROR_CODES.internal.zh, en: ERROR_CODES.internal.en } });
}
