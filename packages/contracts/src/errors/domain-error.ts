import { ERROR_CODES, type ErrorCode } from './error-codes';

/** A human message in both languages the API speaks. */
export interface LocalisedText {
  zh: string;
  en: string;
}

/** One problem with one field of the input. */
export interface FieldError {
  /** JSON path of the field, e.g. `body.name` or `policy.tiers[1].quota`. */
  field: string;
  reason: LocalisedText;
}

export interface DomainErrorShape {
  code: ErrorCode;
  detail: LocalisedText;
  fields?: FieldError[];
  /** The article of the regulation that decided it, e.g. `ili 第十八条`. */
  basis?: string;
  /** Extra machine-readable members of the problem document. */
  extensions?: Record<string, unknown>;
}

/**
 * An error the caller can act on. Thrown by services, carried across NATS as its shape,
 * and rendered by the gateway as application/problem+json.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail: LocalisedText;
  readonly fields: FieldError[];
  readonly basis?: string;
  readonly extensions: Record<string, unknown>;

  constructor(shape: DomainErrorShape) {
    super(shape.detail.en);
    this.name = 'DomainError';
    this.code = shape.code;
    this.detail = shape.detail;
    this.fields = shape.fields ?? [];
    this.basis = shape.basis;
    this.extensions = shape.extensions ?? {};
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  toShape(): DomainErrorShape {
    return {
      code: this.code,
      detail: this.detail,
      fields: this.fields,
      basis: this.basis,
      extensions: this.extensions,
    };
  }

  static isShape(value: unknown): value is DomainErrorShape {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    return typeof v.code === 'string' && v.code in ERROR_CODES && typeof v.detail === 'object' && v.detail !== null;
  }

  static notFound(what: LocalisedText): DomainError {
    return new DomainError({ code: 'not_found', detail: what });
  }

  static conflict(detail: LocalisedText, extensions?: Record<string, unknown>): DomainError {
    return new DomainError({ code: 'conflict', detail, extensions });
  }

  static forbidden(
    detail: LocalisedText = { zh: ERROR_CODES.forbidden.zh, en: ERROR_CODES.forbidden.en },
  ): DomainError {
    return new DomainError({ code: 'forbidden', detail });
  }

  static validation(fields: FieldError[], detail?: LocalisedText): DomainError {
    return new DomainError({
      code: 'validation_failed',
      detail: detail ?? { zh: ERROR_CODES.validation_failed.zh, en: ERROR_CODES.validation_failed.en },
      fields,
    });
  }
}
