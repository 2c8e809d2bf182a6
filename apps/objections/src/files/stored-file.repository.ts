import { Injectable } from '@nestjs/common';
import type { ObjectionsTx } from '../objections-prisma';

@Injectable()
export class StoredFileRepository {
  find(tx: ObjectionsTx, id: string) {
    return tx.storedFile.findUnique({ where: { id } });
  }
}
