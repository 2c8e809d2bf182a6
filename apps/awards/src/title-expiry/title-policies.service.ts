import { DomainError } from '@laurel/contracts';
import type { Policy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { storedPolicy } from '../policy/policy-document.util';
import { PolicyVersionRepository } from '../programme/policy-version.repository';
import { ProgrammeRepository } from '../programme/programme.repository';

/** The policy version a title was granted under, and the tenant's key (certificates, expiry, re-evaluation). */
@Injectable()
export class TitlePolicies {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly versions: PolicyVersionRepository,
  ) {}

  async of(tx: AwardsTx, version: number): Promise<Policy> {
    return (await this.withKey(tx, version)).policy;
  }

  async withKey(tx: AwardsTx, version: number): Promise<{ policy: Policy; tenantKey: string }> {
    const programme = await this.programmes.current(tx);
    if (!programme) throw DomainError.notFound({ zh: '本辖区尚未设立质量奖', en: 'No award programme' });
    const row = await this.versions.byVersion(tx, programme.id, version);
    if (!row) throw DomainError.notFound({ zh: `未找到第${version}版政策`, en: `No policy version ${version}` });
    return { policy: storedPolicy(row.document), tenantKey: programme.key };
  }
}
