/**
 * Every domain error code, with its HTTP status and default titles. The problem+json `type` is
 * `urn:laurel:problem:<code>` and never changes once shipped.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  malformed_request: { status: 400, zh: '请求格式错误', en: 'The request is malformed' },
  unauthenticated: { status: 401, zh: '需要登录', en: 'Authentication is required' },
  forbidden: { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  not_found: { status: 404, zh: '未找到', en: 'Not found' },
  conflict: { status: 409, zh: '与当前状态冲突', en: 'This conflicts with the current state' },
  request_timeout: { status: 408, zh: '请求发送超时', en: 'The request was not received in time' },
  payload_too_large: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported media type' },
  idempotency_key_reused: {
    status: 422,
    zh: '幂等键已用于不同的请求',
    en: 'The Idempotency-Key was already used for a different request',
  },
  rule_violation: { status: 422, zh: '不符合规定', en: 'The rules do not allow this' },
  tenant_suspended: { status: 423, zh: '该辖区已暂停', en: 'This jurisdiction is suspended' },
  rate_limited: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
  headers_too_large: { status: 431, zh: '请求头过大', en: 'The request headers are too large' },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal error' },
  service_unavailable: { status: 503, zh: '服务暂不可用', en: 'A service is unavailable' },
  timeout: { status: 504, zh: '服务响应超时', en: 'A service did not answer in time' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const problemType = (code: ErrorCode): string => `urn:laurel:problem:${code}`;
