import type { Database } from '@laurel/platform';
import type { PrismaClient } from '../gateway-prisma';
import { TenantRepository } from './tenant.repository';
import { TenantDirectory } from './tenant-directory.service';

describe('TenantDirectory', () => {
  it('keeps at most 10,000 keys however many unknown ones are asked for', async () => {
    let queries = 0;
    const tx = {
      tenant: {
        findUnique: async ({ where }: { where: { key: string } }) => {
          queries++;
          return where.key === 'ili' ? { id: 't1', key: 'ili', status: 'active' } : null;
        },
      },
    };
    const database = { acrossTenants: (fn: (t: typeof tx) => unknown) => fn(tx) } as unknown as Database<PrismaClient>;
    const sut = new TenantDirectory(database, new TenantRepository());
    expect(await sut.byKey('ili')).toEqual({ id: 't1', key: 'ili', status: 'active' });
    for (let i = 0; i < 10_050; i++) await sut.byKey(`unknown-${i}`);
    const cache = (sut as unknown as { cache: Map<string, unknown> }).cache;
    expect(cache.size).toBe(10_000);
    // The oldest entries left first; a recent miss is still answered from the cache.
    queries = 0;
    expect(await sut.byKey('unknown-10049')).toBeNull();
    expect(queries).toBe(0);
  });
});
