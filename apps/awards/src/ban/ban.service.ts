import { type BanCheckIdentity, type BanCheckView, DomainError } from '@laurel/contracts';
import { Clock, Database } from '@laurel/platform';
import { checkReapplication } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { CycleRepository } from '../cycle/cycle.repository';
import { storedPolicy } from '../policy/policy-document.util';
import { ProgrammeRepository } from '../programme/programme.repository';
import { noProgramme } from '../programme/programme.service';
import { BanRepository } from './ban.repository';
import { CrossTenantRegisterRepository } from './cross-tenant-register.repository';

/** Answers whether an applicant may apply in a cycle, under the policy version the cycle pinned. */
@Injectable()
export class BanService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly cycles: CycleRepository,
    private readonly bans: BanRepository,
    private readonly register: CrossTenantRegisterRepository,
    private readonly clock: Clock,
  ) {}

  async check(identity: BanCheckIdentity, cycleNumber: number, applicantId?: string): Promise<BanCheckView> {
    const { cycle, history, flags } = await this.database.inTenant(async (tx) => {
      const programme = await this.programmes.current(tx);
      if (!programme) throw noProgramme();
      const cycle = await this.cycles.byNumber(tx, programme.id, cycleNumber);
      if (!cycle) {
        throw DomainError.notFound({ zh: `未找到第${cycleNumber}届评选`, en: `No cycle number ${cycleNumber}` });
      }
      const flags = identity.kind === 'organisation' ? await this.register.othersOf(tx, identity.creditCode) : [];
      return { cycle, history: await this.bans.historyOf(tx, identity, applicantId), flags };
    });
    const policy = storedPolicy(cycle.policyVersion.document);
    const result = checkReapplication(policy, history, { number: cycle.number, year: cycle.year });
    // A recorded ban's basis already names its policy (`ili 第二十八条第二款`); a title's rule does not.
    const cite = (basis: string) => (basis.startsWith(`${policy.key} `) ? basis : `${policy.key} ${basis}`);
    const articles = [
      ...new Set(
        result.findings
          .map((f) => f.basis)
          .filter((b): b is string => b !== null)
          .map(cite),
      ),
    ];
    return {
      outcome: result.outcome,
      cycle: { number: cycle.number, year: cycle.year },
      policyVersion: cycle.policyVersion.version,
      findings: result.findings.map((f) => ({
        source: f.source,
        outcome: f.outcome,
        basis: f.basis ? cite(f.basis) : null,
        reason: f.reason,
        ...(f.allowedFrom ? { allowedFrom: f.allowedFrom } : {}),
      })),
      allowedFrom: result.allowedFrom,
      basis:
        result.findings.length === 0
          ? {
              zh: '本评选未记录该申报者的获奖或禁止申报情况',
              en: 'no title or application ban is on record for this applicant',
            }
          : {
              zh: articles.join('；'),
              en: articles.join('; '),
            },
      crossTenantFlags: flags,
      checkedAt: this.clock.now().toISOString(),
    };
  }
}
