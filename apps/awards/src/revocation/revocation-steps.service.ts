import { type ClawbackRequestPayload, clawbackRequested, type RevocationCaseView } from '@laurel/contracts';
import { Clock, Outbox } from '@laurel/platform';
import type { Policy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { ApplicationBanRepository } from '../ban/application-ban.repository';
import { CrossTenantRegisterRepository } from '../ban/cross-tenant-register.repository';
import { dateColumn } from '../date-column.util';
import { TitleReader } from '../title/title.reader';
import type { RevocationCaseRow } from './revocation.repository';
import { RevocationRepository } from './revocation.repository';
import { clawbackWindowOf } from './revocation-evaluation.util';
import { TitleRevocationRepository } from './title-revocation.repository';

type Planned = RevocationCaseView['evaluation']['consequences'][number];

/** Consequences that are steps; `needs_approval` and `investigation` are conditions the approval already met. */
const STEP_KINDS = [
  'revoke',
  'recover_certificate_and_plaque',
  'stop_using_title',
  'ban',
  'clawback',
  'credit_record',
  'publish',
  'summons',
  'rectification_order',
];

/**
 * Applies an approved case's consequences, each as its own recorded step citing its article: the title revoked with
 * the decision, certificate and plaque to be recovered, the ban written to the history the ban check reads, the
 * clawback request published to funds (`awards.clawback.requested.v1`, with the policy's window), the credit record
 * entry and the publication. One transaction with the approval: all steps or none.
 */
@Injectable()
export class RevocationStepsService {
  constructor(
    private readonly cases: RevocationRepository,
    private readonly bans: ApplicationBanRepository,
    private readonly titles: TitleReader,
    private readonly titleRevocations: TitleRevocationRepository,
    private readonly register: CrossTenantRegisterRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async apply(tx: AwardsTx, row: RevocationCaseRow, policy: Policy, planned: readonly Planned[]): Promise<void> {
    const appliedAt = this.clock.now();
    const decision = `${row.approvalBody} ${row.approvalNumber}`;
    const decidedOn = dateColumn.toIso(row.approvedOn as Date);
    let position = 0;
    for (const consequence of planned) {
      if (!STEP_KINDS.includes(consequence.kind)) continue;
      const detail = await this.detailOf(tx, row, policy, consequence, {
        decision,
        decidedOn,
        appliedAt,
      });
      position += 1;
      await this.cases.addStep(tx, {
        caseId: row.id,
        position,
        kind: consequence.kind,
        basis: consequence.basis,
        detail,
        appliedAt,
      });
    }
  }

  /** An organisation's revocation or ban goes to the cross-tenant register (keyed by its credit code). */
  private async flag(
    tx: AwardsTx,
    row: RevocationCaseRow,
    policy: Policy,
    flag: { kind: 'revocation' | 'ban'; untilYear: number | null; article: string; on: string },
  ): Promise<void> {
    if (row.identityKind !== 'organisation') return;
    await this.register.record(tx, {
      sourceKey: policy.key,
      creditCode: row.identityValue,
      kind: flag.kind,
      untilYear: flag.untilYear,
      article: flag.article,
      caseId: row.id,
      recordedOn: flag.on,
    });
  }

  private async detailOf(
    tx: AwardsTx,
    row: RevocationCaseRow,
    policy: Policy,
    consequence: Planned,
    at: { decision: string; decidedOn: string; appliedAt: Date },
  ): Promise<Record<string, unknown>> {
    switch (consequence.kind) {
      case 'revoke': {
        const title = await this.titles.byId(tx, row.titleId);
        if (!title) throw new Error(`revocation ${row.id}: title ${row.titleId} is gone`);
        await this.titleRevocations.revoke(tx, title, {
          reason: at.decision,
          basis: consequence.basis,
          actor: row.decidedBy,
          at: at.appliedAt,
        });
        await this.flag(tx, row, policy, {
          kind: 'revocation',
          untilYear: null,
          article: consequence.basis,
          on: at.decidedOn,
        });
        return {
          titleId: row.titleId,
          titleStatus: 'revoked',
          decision: at.decision,
          revokedOn: at.decidedOn,
        };
      }
      case 'recover_certificate_and_plaque':
        return {
          titleId: row.titleId,
          recover: ['certificate', 'plaque'],
          orderedOn: at.decidedOn,
        };
      case 'ban': {
        const ban = consequence.ban;
        if (!ban) throw new Error(`ban consequence without its length (case ${row.id})`);
        await this.bans.create(tx, {
          caseId: row.id,
          identityKind: row.identityKind,
          identityValue: row.identityValue,
          applicantName: row.applicantName,
          unit: ban.unit,
          count: ban.count,
          startYear: ban.startYear,
          allowedFromYear: ban.allowedFromYear,
          basis: consequence.basis,
          createdAt: at.appliedAt,
        });
        await this.flag(tx, row, policy, {
          kind: 'ban',
          untilYear: ban.allowedFromYear,
          article: consequence.basis,
          on: at.decidedOn,
        });
        return {
          unit: ban.unit,
          count: ban.count,
          startYear: ban.startYear,
          allowedFromYear: ban.allowedFromYear,
        };
      }
      case 'clawback': {
        const window = clawbackWindowOf(policy, [consequence.ruleId]);
        const request: ClawbackRequestPayload = {
          revocationId: row.id,
          titleId: row.titleId,
          cycleNumber: row.cycleNumber,
          policyVersion: row.policyVersion,
          applicantId: row.applicantId,
          applicantKind: row.applicantKind as 'organisation' | 'individual',
          applicantName: row.applicantName,
          tier: row.tier as 'award' | 'nomination',
          revokedOn: at.decidedOn,
          eventOn: dateColumn.toIso(row.eventOn),
          awardedOn: dateColumn.toIso(row.awardedOn),
          consequenceBasis: consequence.basis,
          window,
          actor: row.decidedBy,
          at: at.appliedAt.toISOString(),
        };
        await this.outbox.add(tx, clawbackRequested, request);
        return { event: clawbackRequested.subject, window };
      }
      case 'credit_record':
        return {
          system: consequence.by?.zh ?? null,
          creditCode: row.identityKind === 'organisation' ? row.identityValue : null,
          decision: at.decision,
        };
      case 'publish':
        return { publishedOn: at.decidedOn, decision: at.decision };
      case 'stop_using_title':
        // The duty is the winner's (e.g. 山东省省长质量奖管理办法 第二十一条): recorded with the decision that imposes it.
        return { titleId: row.titleId, from: at.decidedOn, decision: at.decision };
      case 'summons':
        return { by: consequence.by?.zh ?? null, orderedOn: at.decidedOn, decision: at.decision };
      case 'rectification_order':
        return {
          by: consequence.by?.zh ?? null,
          orderedOn: at.decidedOn,
          within: consequence.within ?? null,
          failing: consequence.failing ?? null,
          decision: at.decision,
        };
      default:
        return {};
    }
  }
}
