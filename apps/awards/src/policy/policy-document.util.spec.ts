import { loadLaunchPolicy } from '@laurel/policy';
import { validatePolicyDocument } from './policy-document.util';

describe('validatePolicyDocument', () => {
  const ili = () => JSON.parse(JSON.stringify(loadLaunchPolicy('ili'))) as Record<string, unknown>;

  it('returns the policy of a good document', () => {
    expect(validatePolicyDocument(ili(), { key: 'ili', version: 1 }).key).toBe('ili');
  });

  it('lists every problem at once: the schema’s, a foreign key and an unexpected version', () => {
    const document: Record<string, unknown> = { ...ili(), version: 2, level: 'galaxy' };
    delete document.tiers;
    let sut: unknown;
    try {
      validatePolicyDocument(document, { key: 'linxia', version: 1 });
    } catch (error) {
      sut = error;
    }
    expect(sut).toMatchObject({ code: 'validation_failed' });
    expect((sut as { fields: { field: string }[] }).fields.map((f) => f.field).sort()).toEqual([
      'policy.key',
      'policy.level',
      'policy.tiers',
      'policy.version',
    ]);
  });

  it('names the whole document when it is not an object', () => {
    expect(() => validatePolicyDocument('nonsense', { key: 'ili' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'policy' })] }),
    );
  });
});
