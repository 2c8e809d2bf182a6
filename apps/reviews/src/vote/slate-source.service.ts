import { Injectable } from '@nestjs/common';
import type { ReviewsTx } from '../reviews-prisma';
import { invalidField } from './vote.errors';
import { applicationsByIds } from './vote.repository';

/**
 * Where a vote's slate comes from: the applications that reached the vote stage, in the order of the composite
 * ranking. The ranking is not built yet, so for now the slate is the office's list (recorded with who, when, why),
 * checked against the cycle's accepted applications. This is the ONE method to point at the ranking.
 */
@Injectable()
export class SlateSource {
  async candidates(tx: ReviewsTx, cycleNumber: number, requested: readonly string[]): Promise<string[]> {
    const seen = new Set<string>();
    requested.forEach((id, i) => {
      if (seen.has(id)) {
        throw invalidField(`body.applicationIds.${i}`, '候选名单中重复', 'is on the slate twice');
      }
      seen.add(id);
    });
    const known = await applicationsByIds(tx, requested);
    requested.forEach((id, i) => {
      if (known.get(id)?.cycleNumber !== cycleNumber) {
        throw invalidField(
          `body.applicationIds.${i}`,
          `不是第 ${cycleNumber} 届已受理的申报`,
          `is not an accepted application of cycle ${cycleNumber}`,
        );
      }
    });
    return [...requested];
  }
}
