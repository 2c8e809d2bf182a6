import { DomainError, type ObjectionContact } from '@laurel/contracts';
import { AuditTrail, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../objections-prisma';
import { requireDuty } from '../rules/acting-role.util';
import { RulesService } from '../rules/rules.service';
import { ObjectionRepository } from './objection.repository';

/** Opens an objector's sealed contact details for staff who must reach them, and records that it did. */
@Injectable()
export class ObjectionContactService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly objections: ObjectionRepository,
    private readonly rules: RulesService,
    private readonly audit: AuditTrail,
  ) {}

  reveal(id: string, reason: string): Promise<ObjectionContact> {
    return this.database.inTenant(async (tx) => {
      const row = await this.objections.find(tx, id);
      if (!row) throw DomainError.notFound({ zh: '未找到该异议', en: 'No such objection' });
      requireDuty(await this.rules.ofNotice(tx, row.notice), 'receive', 'decide');
      await this.audit.record(tx, {
        action: 'objection.contact.reveal',
        targetType: 'objection',
        targetId: id,
        after: { reason },
      });
      return {
        name: row.objectorName,
        phone: row.objectorPhone,
        address: row.objectorAddress,
        idNumber: row.objectorIdNumber,
        creditCode: row.objectorCreditCode,
      };
    });
  }
}
