import type { ConflictDeclareBody, ConflictView } from '@laurel/contracts';
import { acting, Database } from '@laurel/platform';
import { conflictBasisOf } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository } from '../application/review-application.repository';
import { MemberUnitRepository } from '../member-unit/member-unit.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { applicationNotFound, notAPartyToDeclare, officeUserRecused } from './conflict.errors';
import { toConflictView } from './conflict.mapper';
import { ConflictRepository, type ConflictRow } from './conflict.repository';
import { ConflictDetection } from './conflict-detection.service';
import { type ConflictParty, ConflictTransitions } from './conflict-transitions.service';

/**
 * Recusal of the office's users and the leading group's member units, on the expert's flag and lifecycle: they
 * declare an interest, the office decides it (recuse, or dismiss with a reason), and while the flag is in a hiding
 * state (`HIDING_STATES`) a member unit's ballot has no line for the application and an office user is refused every
 * decision on it (`assertOfficeUserFree`, the one check at each decision point).
 */
@Injectable()
export class PartyRecusal {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly conflicts: ConflictRepository,
    private readonly transitions: ConflictTransitions,
    private readonly detection: ConflictDetection,
    private readonly units: MemberUnitRepository,
    private readonly applications: ReviewApplicationRepository,
  ) {}

  /** A member unit (the caller's own) or an office user declares an interest: the flag waits for the office. */
  async declare(body: ConflictDeclareBody): Promise<ConflictView> {
    const who = acting();
    const basis = await this.basis();
    const id = await this.database.inTenant(async (tx) => {
      const party = await this.partyOf(tx);
      const application = await this.applications.exists(tx, body.applicationId);
      if (!application) throw applicationNotFound();
      const key = { applicationId: application.id, kind: 'declared', evidence: body.relation };
      const where =
        party.partyKind === 'member_unit'
          ? { memberUnitId: party.memberUnitId }
          : { officeUserId: who.userId as string };
      const known = await this.conflicts.existingOfParty(tx, { ...where, ...key });
      if (known) return known.id;
      const row = await this.transitions.raise(tx, 'report', { ...party, ...key, basis, reason: body.relation });
      return row.id;
    });
    return toConflictView((await this.database.inTenant((tx) => this.conflicts.find(tx, id))) as ConflictRow);
  }

  /** The article recusals come from in this tenant's policy (e.g. `ili 第三十一条`). */
  async basis(): Promise<string> {
    return conflictBasisOf(await this.detection.policyKey());
  }

  /** Refuses (403, with the reason and the article) an office user barred from deciding this application. */
  async assertOfficeUserFree(tx: ReviewsTx, applicationIds: string[]): Promise<void> {
    const userId = acting().userId;
    if (!userId || applicationIds.length === 0) return;
    const [flag] = await this.conflicts.barring(tx, { officeUserId: userId }, applicationIds);
    if (flag) throw officeUserRecused(flag);
  }

  /** The applications among these a member unit is kept from voting on, with the flag and its article. */
  async memberUnitBars(tx: ReviewsTx, memberUnitId: string, applicationIds: string[]) {
    const flags = await this.conflicts.barring(tx, { memberUnitId }, applicationIds);
    const bars = new Map<string, { applicationId: string; conflictId: string; basis: string }>();
    for (const f of flags) {
      if (!bars.has(f.applicationId))
        bars.set(f.applicationId, { applicationId: f.applicationId, conflictId: f.id, basis: f.basis });
    }
    return [...bars.values()];
  }

  private async partyOf(tx: ReviewsTx): Promise<ConflictParty> {
    const who = acting();
    if (!who.userId) throw notAPartyToDeclare();
    if (who.has('leading_group')) {
      const unit = await this.units.ofUser(tx, who.userId);
      if (unit) return { partyKind: 'member_unit', memberUnitId: unit.id };
    }
    if (who.has('office'))
      return { partyKind: 'office_user', officeUserId: who.userId, officeUserLabel: who.label ?? who.userId };
    throw notAPartyToDeclare();
  }
}
