import { DomainError } from '@laurel/contracts';
import { problemBody } from './problem-details.filter';

describe('problemBody', () => {
  it('keeps the standard members when an extension has their name (RFC 9457 §3.1)', () => {
    const error = DomainError.conflict(
      { zh: '该异议已审查完毕', en: 'This objection has already been examined' },
      {
        type: 'about:blank',
        title: 'x',
        status: 'received',
        detail: 'x',
        instance: '/elsewhere',
        code: 'internal',
        errors: [],
        correlationId: 'forged',
        currentStatus: 'received',
      },
    );
    const body = problemBody(error, 'zh', '/api/v1/tenants/ili/objections/1/admit', 'corr-1');
    expect(body).toEqual({
      type: 'urn:laurel:problem:conflict',
      title: '与当前状态冲突',
      status: 409,
      detail: '该异议已审查完毕',
      instance: '/api/v1/tenants/ili/objections/1/admit',
      code: 'conflict',
      correlationId: 'corr-1',
      currentStatus: 'received',
    });
  });

  it('renders fields and basis in the caller’s language, and no prototype key from an extension', () => {
    const extensions = JSON.parse('{"__proto__": {"polluted": true}, "allowedFrom": "2026-12-01"}');
    const error = new DomainError({
      code: 'rule_violation',
      detail: { zh: '不符合', en: 'Not allowed' },
      basis: 'ili 第十八条',
      fields: [{ field: 'body.x', reason: { zh: '必填', en: 'is required' } }],
      extensions,
    });
    const body = problemBody(error, 'en', '/x', 'c');
    expect(body).toMatchObject({
      status: 422,
      detail: 'Not allowed',
      basis: 'ili 第十八条',
      errors: [{ field: 'body.x', reason: 'is required' }],
      allowedFrom: '2026-12-01',
    });
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect((body as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
