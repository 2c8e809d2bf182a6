import { createHash } from 'node:crypto';
import { DomainError } from '@laurel/contracts';
import { AuditTrail, Database, FileStore } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../objections-prisma';
import { callerHolds, reportReceiver, requireReader } from '../rules/acting-role.util';
import { RulesService } from '../rules/rules.service';
import { StoredFileRepository } from './stored-file.repository';

const notFound = () => DomainError.notFound({ zh: '未找到该文件', en: 'No such file' });

/**
 * Staff read the files attached to objections and reports. A report's files are for the body that receives reports
 * only, because they may reveal the reporter; an objection's, for the bodies that handle or oversee objections. The bytes are checked against their recorded SHA-256, and every read
 * is an audit entry.
 */
@Injectable()
export class FileReadService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly files: StoredFileRepository,
    private readonly rules: RulesService,
    private readonly store: FileStore,
    private readonly audit: AuditTrail,
  ) {}

  read(id: string) {
    return this.database.inTenant(async (tx) => {
      const row = await this.files.find(tx, id);
      if (!row) throw notFound();
      if (row.reportId && !callerHolds(reportReceiver(await this.rules.current(tx)))) throw notFound();
      if (row.objection) requireReader(await this.rules.ofNotice(tx, row.objection.notice));
      const bytes = await this.store.get(row.storageKey);
      if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
        throw new DomainError({
          code: 'internal',
          detail: {
            zh: '文件已损坏，与登记的摘要不符',
            en: 'The file is damaged: it no longer matches its recorded SHA-256',
          },
        });
      }
      await this.audit.record(tx, { action: 'file.read', targetType: 'stored_file', targetId: id });
      return {
        id: row.id,
        filename: row.filename,
        contentType: row.contentType,
        size: row.size,
        sha256: row.sha256,
        contentBase64: bytes.toString('base64'),
      };
    });
  }
}
