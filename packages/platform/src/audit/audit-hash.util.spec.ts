import { createHash } from 'node:crypto';
import { type AuditFields, auditHash, canonicalAroundSeq, canonicalJson } from './audit-hash.util';

const fields: AuditFields = {
  id: '6f1c2a7e-7d1f-4a51-9d55-8f0e4b1e2c3d',
  tenantId: 'a3c9d7e2-1b4f-4c8a-9e6d-2f5b7c1d0e9a',
  seq: 42,
  actorId: null,
  actorRoles: ['office'],
  action: 'item.create',
  targetType: 'item',
  targetId: 'x',
  basis: '第十九条',
  before: null,
  after: { name: '名称 "quoted"', seq: 7, nested: { z: 1, a: [1, 'two'] } },
  correlationId: 'c-1',
  occurredAt: '2026-11-21T10:00:00.000Z',
};

describe('canonicalAroundSeq', () => {
  it('splits the canonical JSON around the top-level seq, whatever the values hold', () => {
    const { seq, ...rest } = fields;
    const { prefix, suffix } = canonicalAroundSeq(rest);
    expect(`${prefix}${seq}${suffix}`).toBe(canonicalJson(fields));
    expect(prefix.endsWith('"seq":')).toBe(true);
  });

  it('gives the hash the database computes from prefix, seq and suffix', () => {
    const { seq, ...rest } = fields;
    const { prefix, suffix } = canonicalAroundSeq(rest);
    const prev = 'f'.repeat(64);
    const asTheDatabaseDoes = createHash('sha256').update(`${prev}\n${prefix}${seq}${suffix}`, 'utf8').digest('hex');
    expect(asTheDatabaseDoes).toBe(auditHash(prev, fields));
  });
});
