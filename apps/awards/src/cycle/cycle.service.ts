import { shanghaiDateOf } from '@laurel/calendar';
import { type CycleView, cycleClosed, cycleOpened, DomainError, type OpenCycleRequest } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { storedPolicy } from '../policy/policy-document.util';
import { PolicyVersionRepository } from '../programme/policy-version.repository';
import { ProgrammeRepository } from '../programme/programme.repository';
import { noProgramme } from '../programme/programme.service';
import { regulationRefusal } from '../regulation/regulation-dates.util';
import { cycleView } from './cycle.mapper';
import { CycleRepository } from './cycle.repository';
import { checkCycleYear, deriveSchedule, windowWarnings } from './cycle-rules.util';

const noCycle = (number: number) =>
  DomainError.notFound({ zh: `未找到第${number}届评选`, en: `No cycle number ${number}` });

/** Opens, closes and shows cycles (届). */
@Injectable()
export class CycleService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly versions: PolicyVersionRepository,
    private readonly cycles: CycleRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a cycle under the latest policy version, which it pins, with its schedule and quotas. One open
   * cycle per programme; numbers increase; the regulation must be in force today (Asia/Shanghai); the year
   * respects the cycle length (see `checkCycleYear`).
   */
  async open(request: OpenCycleRequest): Promise<CycleView> {
    const row = await this.database.inTenant(async (tx) => {
      const programme = await this.requireProgramme(tx);
      await this.programmes.lock(tx, programme.id);
      const open = await this.cycles.openOf(tx, programme.id);
      if (open) {
        throw DomainError.conflict(
          {
            zh: `第${open.number}届评选尚未结束，同一时间只能有一届`,
            en: `Cycle ${open.number} is still open: one cycle at a time`,
          },
          { openCycle: open.number },
        );
      }
      const version = await this.versions.latest(tx, programme.id);
      if (!version) throw noProgramme();
      const policy = storedPolicy(version.document);
      const now = this.clock.now();
      const refusal = regulationRefusal(policy, shanghaiDateOf(now));
      if (refusal) throw refusal;

      const last = await this.cycles.last(tx, programme.id);
      const number = request.number ?? (last ? last.number + 1 : 1);
      if (last && number <= last.number) {
        throw new DomainError({
          code: 'conflict',
          detail: {
            zh: `届次须递增：上一届为第${last.number}届`,
            en: `Cycle numbers increase: the last one was ${last.number}`,
          },
          fields: [
            { field: 'body.number', reason: { zh: `须大于 ${last.number}`, en: `must be above ${last.number}` } },
          ],
          extensions: { lastNumber: last.number },
        });
      }
      const warnings = [
        ...checkCycleYear(policy, last ? { number: last.number, year: last.year } : null, request.year),
        ...windowWarnings(policy, request.closesOn),
      ];
      const openedBy = acting().userId;
      const cycle = await this.cycles.create(tx, {
        programmeId: programme.id,
        number,
        year: request.year,
        opensOn: request.opensOn,
        closesOn: request.closesOn,
        policyVersionId: version.id,
        warnings,
        openedBy,
        openedAt: now,
        stages: deriveSchedule(policy),
        quotas: policy.tiers.map((tier) => ({
          tier: tier.key,
          max: tier.quota.max,
          binding: tier.quota.binding,
          vacanciesAllowed: tier.quota.vacanciesAllowed,
          basis: tier.quota.basis,
        })),
      });
      await this.outbox.add(tx, cycleOpened, {
        cycleId: cycle.id,
        programmeId: programme.id,
        number,
        year: request.year,
        opensOn: request.opensOn,
        closesOn: request.closesOn,
        policyVersion: version.version,
      });
      await this.audit.record(tx, {
        action: 'cycle.open',
        targetType: 'cycle',
        targetId: cycle.id,
        basis: policy.cycle.basis,
        after: {
          number,
          year: request.year,
          opensOn: request.opensOn,
          closesOn: request.closesOn,
          policyVersion: version.version,
          warnings: warnings.map((warning) => ({ code: warning.code, basis: warning.basis })),
        },
      });
      return cycle;
    });
    return cycleView(row);
  }

  /** Closes a cycle so that the next may open; closing a closed cycle changes nothing. */
  async close(number: number): Promise<CycleView> {
    const row = await this.database.inTenant(async (tx) => {
      const programme = await this.requireProgramme(tx);
      await this.programmes.lock(tx, programme.id);
      const cycle = await this.cycles.byNumber(tx, programme.id, number);
      if (!cycle) throw noCycle(number);
      if (cycle.status === 'closed') return cycle;
      const closed = await this.cycles.close(tx, cycle.id, acting().userId, this.clock.now());
      await this.outbox.add(tx, cycleClosed, { cycleId: cycle.id, programmeId: programme.id, number });
      await this.audit.record(tx, {
        action: 'cycle.close',
        targetType: 'cycle',
        targetId: cycle.id,
        before: { status: 'open' },
        after: { status: 'closed' },
      });
      return closed;
    });
    return cycleView(row);
  }

  async list(): Promise<{ cycles: CycleView[] }> {
    const rows = await this.database.inTenant(async (tx) => {
      const programme = await this.requireProgramme(tx);
      return this.cycles.list(tx, programme.id);
    });
    return { cycles: rows.map(cycleView) };
  }

  async get(number: number): Promise<CycleView> {
    const row = await this.database.inTenant(async (tx) => {
      const programme = await this.requireProgramme(tx);
      return this.cycles.byNumber(tx, programme.id, number);
    });
    if (!row) throw noCycle(number);
    return cycleView(row);
  }

  private async requireProgramme(tx: AwardsTx) {
    const programme = await this.programmes.current(tx);
    if (!programme) throw noProgramme();
    return programme;
  }
}
