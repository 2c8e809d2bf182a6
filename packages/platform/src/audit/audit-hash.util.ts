import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers. */
export interface AuditFields {
  id: string;
  tenantId: string;
  seq: number;
  actorId: string | null;
  actorRoles: string[];
  action: string;
  targetType: string;
  targetId: string;
  basis: string | null;
  before: unknown;
  after: unknown;
  correlationId: string | null;
  occurredAt: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** An object's members as canonical JSON `"key":value` pairs, in key order. */
function canonicalMembers(value: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => [k, `${JSON.stringify(k)}:${canonicalJson(v)}`]);
}

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    return `{${canonicalMembers(value as Record<string, unknown>)
      .map(([, member]) => member)
      .join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/**
 * The canonical JSON of an entry's fields split around the value of `seq`, which only the database knows when it
 * appends the entry: `prefix + seq + suffix === canonicalJson(fields)`.
 */
export function canonicalAroundSeq(fields: Omit<AuditFields, 'seq'>): { prefix: string; suffix: string } {
  const members = canonicalMembers({ ...fields, seq: 0 });
  const at = members.findIndex(([key]) => key === 'seq');
  const before = members.slice(0, at).map(([, member]) => `${member},`);
  const after = members.slice(at + 1).map(([, member]) => `,${member}`);
  return { prefix: `{${before.join('')}"seq":`, suffix: `${after.join('')}}` };
}

/** sha256 over the previous entry's hash and this entry's fields. */
export function auditHash(prevHash: string, fields: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
