import { z } from 'zod';
import { DomainError } from './domain-error';
import { problemType } from './error-codes';
import { fieldErrorsFromZod } from './zod-issues.util';

describe('fieldErrorsFromZod', () => {
  const schema = z.object({ name: z.string().max(5), tiers: z.array(z.object({ quota: z.number().int() })) }).strict();

  it('names each field by its path, unknown fields one by one, in both languages', () => {
    const result = schema.safeParse({ name: 'too long', tiers: [{ quota: 1 }, { quota: 'x' }], a: 1, b: 2 });
    expect(result.success).toBe(false);
    const sut = fieldErrorsFromZod((result as { error: z.ZodError }).error, 'body');
    expect(sut.map((f) => f.field).sort()).toEqual(['body.a', 'body.b', 'body.name', 'body.tiers[1].quota']);
    const name = sut.find((f) => f.field === 'body.name');
    expect(name?.reason.en).toMatch(/max 5/);
    expect(name?.reason.zh).toMatch(/上限 5/);
  });

  it('never mixes English into the zh text: types, formats and custom checks are named in Chinese', () => {
    const sut = z
      .object({
        name: z.string(),
        at: z.iso.date(),
        code: z.string().refine(() => false, { message: 'a valid code', params: { zh: '须为有效代码' } }),
        other: z.string().refine(() => false, 'a plain value'),
      })
      .safeParse({ name: 1, at: 'soon', code: 'x', other: 'y' });
    const fields = fieldErrorsFromZod((sut as { error: z.ZodError }).error, 'body');
    for (const field of fields) expect(field.reason.zh).not.toMatch(/[A-Za-z]{3,}/);
    expect(fields.find((f) => f.field === 'body.name')?.reason).toEqual({ zh: '类型应为字符串', en: 'must be string' });
    expect(fields.find((f) => f.field === 'body.code')?.reason).toEqual({ zh: '须为有效代码', en: 'a valid code' });
  });

  it('says a missing field is required', () => {
    const result = schema.safeParse({ tiers: [] });
    const sut = fieldErrorsFromZod((result as { error: z.ZodError }).error);
    expect(sut).toEqual([{ field: 'name', reason: { zh: '必填', en: 'is required' } }]);
  });
});

describe('DomainError', () => {
  it('crosses the wire as its shape and comes back the same', () => {
    const sut = new DomainError({
      code: 'rule_violation',
      detail: { zh: '异议须署名', en: 'An objection must be signed' },
      basis: 'ili 第十八条',
      fields: [{ field: 'body.signature', reason: { zh: '必填', en: 'is required' } }],
    });
    const shape = JSON.parse(JSON.stringify(sut.toShape()));
    expect(DomainError.isShape(shape)).toBe(true);
    const back = new DomainError(shape);
    expect(back.status).toBe(422);
    expect(back.basis).toBe('ili 第十八条');
    expect(back.fields).toEqual(sut.fields);
    expect(problemType(back.code)).toBe('urn:laurel:problem:rule_violation');
    expect(DomainError.isShape({ code: 'nonsense', detail: {} })).toBe(false);
  });

  it('says which values fit when one value or several are allowed (a work queue’s ?status=)', () => {
    const status = z.enum(['draft', 'submitted']);
    const sut = z.object({ status: z.union([status, z.array(status)]) }).safeParse({ status: 'pending' });
    const [field] = fieldErrorsFromZod((sut as { error: z.ZodError }).error, 'query');
    expect(field?.field).toBe('query.status');
    expect(field?.reason.zh).toBe('取值应为 draft | submitted');
  });

  it('says a number out of bounds as a bound on the number, and a blank text as empty', () => {
    const sut = z
      .object({ amountFen: z.int().nonnegative(), share: z.number().lt(1), reason: z.string().trim().min(1) })
      .safeParse({ amountFen: -500, share: 2, reason: '   ' });
    const fields = fieldErrorsFromZod((sut as { error: z.ZodError }).error, 'body');
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'body.amountFen', reason: { zh: '不得小于 0', en: 'must be at least 0' } },
        { field: 'body.share', reason: { zh: '须小于 1', en: 'must be less than 1' } },
        { field: 'body.reason', reason: { zh: '不能为空', en: 'must not be empty' } },
      ]),
    );
  });
});
