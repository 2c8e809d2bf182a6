import { DomainError, type MemberUnitBody, type MemberUnitCodesBody, type MemberUnitView } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { ConflictDetection } from '../conflict/conflict-detection.service';
import type { PrismaClient } from '../reviews-prisma';
import { onUniqueViolation } from '../unique-violation.util';
import { MemberUnitRepository, type MemberUnitRow } from './member-unit.repository';

const toView = (row: MemberUnitRow): MemberUnitView => ({
  id: row.id,
  name: row.name,
  userId: row.userId,
  creditCode: row.creditCode,
  subordinateCreditCodes: row.subordinateCreditCodes,
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
});

/** The office records the leading group's member units; each votes through one `leading_group` account. */
@Injectable()
export class MemberUnitService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly units: MemberUnitRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly detection: ConflictDetection,
  ) {}

  async list(): Promise<{ memberUnits: MemberUnitView[] }> {
    const rows = await this.database.inTenant((tx) => this.units.all(tx));
    return { memberUnits: rows.map(toView) };
  }

  /** The office changes the unit's credit codes with a reason (audited); detection reruns for it. */
  async setCodes(id: string, body: MemberUnitCodesBody): Promise<MemberUnitView> {
    const row = await this.database.inTenant(async (tx) => {
      const before = await this.units.findLocked(tx, id);
      if (!before) throw DomainError.notFound({ zh: '未找到该成员单位', en: 'No such member unit' });
      const changed = await this.units.update(tx, id, {
        creditCode: body.creditCode?.toUpperCase() ?? null,
        subordinateCreditCodes: [...new Set(body.subordinateCreditCodes.map((code) => code.toUpperCase()))],
      });
      await this.audit.record(tx, {
        action: 'member-unit.set-codes',
        targetType: 'member-unit',
        targetId: id,
        basis: null,
        before: { creditCode: before.creditCode, subordinateCreditCodes: before.subordinateCreditCodes },
        after: {
          creditCode: changed.creditCode,
          subordinateCreditCodes: changed.subordinateCreditCodes,
          reason: body.reason,
        },
      });
      await this.detection.forMemberUnit(tx, changed);
      return changed;
    });
    return toView(row);
  }

  async add(body: MemberUnitBody): Promise<MemberUnitView> {
    const add = () =>
      this.database.inTenant(async (tx) => {
        if (await this.units.ofUser(tx, body.userId)) {
          throw DomainError.validation([
            {
              field: 'body.userId',
              reason: { zh: '该账号已代表另一成员单位', en: 'already votes for another member unit' },
            },
          ]);
        }
        if (await this.units.named(tx, body.name)) {
          throw DomainError.validation([
            { field: 'body.name', reason: { zh: '已有同名成员单位', en: 'a member unit of this name exists' } },
          ]);
        }
        const created = await this.units.create(tx, {
          name: body.name,
          userId: body.userId,
          creditCode: body.creditCode?.toUpperCase() ?? null,
          subordinateCreditCodes: [...new Set((body.subordinateCreditCodes ?? []).map((code) => code.toUpperCase()))],
          recordedBy: acting().label,
          recordedAt: this.clock.now(),
        });
        await this.audit.record(tx, {
          action: 'member-unit.add',
          targetType: 'member-unit',
          targetId: created.id,
          basis: null,
          before: null,
          after: {
            name: created.name,
            userId: created.userId,
            creditCode: created.creditCode,
            subordinateCreditCodes: created.subordinateCreditCodes,
          },
        });
        await this.detection.forMemberUnit(tx, created);
        return created;
      });
    // Lost a first-write race: the second run finds the row and answers as the check above does.
    const row = await onUniqueViolation(add, add);
    return toView(row);
  }
}
