import { randomUUID } from 'node:crypto';
import {
  type ApproveRevocationRequest,
  DomainError,
  type OpenRevocationRequest,
  type RecordedIdentity,
  type RevocationCaseView,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { identityValueOf } from '../ban/ban.repository';
import { CycleRepository } from '../cycle/cycle.repository';
import { dateColumn } from '../date-column.util';
import { storedPolicy } from '../policy/policy-document.util';
import { ProgrammeRepository } from '../programme/programme.repository';
import { noProgramme } from '../programme/programme.service';
import { titleTransitionOf } from '../title/title.lifecycle';
import { TitleReader, type TitleRow } from '../title/title.reader';
import { type RevocationAction, revocationTransitionOf } from './revocation.lifecycle';
import { revocationView } from './revocation.mapper';
import { type RevocationCaseRow, RevocationRepository } from './revocation.repository';
import { evaluateRevocation } from './revocation-evaluation.util';
import { RevocationStepsService } from './revocation-steps.service';
import { TitleRevocationRepository } from './title-revocation.repository';

/**
 * Whom the case (and a ban) is about: an organisation by the credit code from its title (or as the office gives it
 * when the title lacks it); an individual by the title's applicant, registered once per ID number by the applications
 * service, which keeps the number sealed: the awards service neither asks for nor keeps an ID number.
 */
function identityOf(title: TitleRow, given: OpenRevocationRequest['identity']): RecordedIdentity {
  if (title.applicantKind === 'individual') {
    if (given) {
      throw DomainError.validation([
        {
          field: 'identity',
          reason: {
            zh: '个人称号以申报者识别，不录入身份证号码或信用代码',
            en: 'an individual’s title is identified by its applicant: give no identity',
          },
        },
      ]);
    }
    return { kind: 'individual', applicantId: title.applicantId };
  }
  if (title.creditCode) return { kind: 'organisation', creditCode: title.creditCode };
  if (!given) {
    throw DomainError.validation([
      {
        field: 'identity',
        reason: {
          zh: '该称号未记录统一社会信用代码，请提供',
          en: 'the title has no credit code: give the organisation’s',
        },
      },
    ]);
  }
  return given;
}

const notFound = () => DomainError.notFound({ zh: '未找到撤销案件', en: 'No such revocation case' });

/**
 * Revocation cases: opened on a ground the policy lists (evaluated against the policy version the award's cycle
 * pinned), approved by the body the policy names (recorded, never automated) and then applied step by step, or
 * dismissed.
 */
@Injectable()
export class RevocationService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly cycles: CycleRepository,
    private readonly cases: RevocationRepository,
    private readonly steps: RevocationStepsService,
    private readonly titles: TitleReader,
    private readonly titleRevocations: TitleRevocationRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async open(request: OpenRevocationRequest): Promise<RevocationCaseView> {
    const row = await this.database.inTenant((tx) => this.openIn(tx, request, null));
    return revocationView(row);
  }

  /** In the caller's transaction: opens the case (from an overdue duty where `dutyId` is given). */
  async openIn(tx: AwardsTx, request: OpenRevocationRequest, dutyId: string | null): Promise<RevocationCaseRow> {
    const title = await this.titles.byId(tx, request.titleId);
    if (!title) {
      throw DomainError.validation([
        { field: 'titleId', reason: { zh: '未找到该称号', en: 'no such title in this jurisdiction' } },
      ]);
    }
    if (!titleTransitionOf('revoke', title.status)) {
      throw DomainError.conflict({
        zh: `该称号处于“${title.status}”状态，不能撤销`,
        en: `The title is ${title.status}: it cannot be revoked`,
      });
    }
    const identity = identityOf(title, request.identity);
    const awardedOn = await this.titleRevocations.awardedOn(tx, title.decisionId);
    if (!awardedOn) throw new Error(`title ${title.id} without its commendation decision`);
    const subject = {
      titleId: title.id,
      applicantId: title.applicantId,
      applicantName: title.applicantName,
      identity,
      tier: title.tier as 'award' | 'nomination',
      cycleNumber: title.cycleNumber,
      awardedOn: dateColumn.toIso(awardedOn),
    };
    const { policy, version } = await this.policyOf(tx, subject.cycleNumber);
    const evaluation = evaluateRevocation(policy, {
      ground: request.ground,
      eventOn: request.eventOn,
      severity: request.severity ?? null,
      awardedOn: subject.awardedOn,
      tier: subject.tier,
    });
    const created = await this.cases.create(tx, {
      id: randomUUID(),
      status: this.transition('open', null),
      titleId: subject.titleId,
      applicantId: subject.applicantId,
      applicantKind: title.applicantKind,
      applicantName: subject.applicantName,
      identityKind: subject.identity.kind,
      identityValue: identityValueOf(subject.identity),
      tier: subject.tier,
      cycleNumber: subject.cycleNumber,
      awardedOn: dateColumn.fromIso(subject.awardedOn),
      policyVersion: version,
      ground: request.ground,
      eventOn: dateColumn.fromIso(request.eventOn),
      severity: request.severity ?? null,
      description: request.description,
      evidence: request.evidence,
      evaluation,
      openedBy: acting().userId,
      openedAt: this.clock.now(),
      dutyId,
    });
    await this.audit.record(tx, {
      action: 'revocation.open',
      targetType: 'revocation_case',
      targetId: created.id,
      after: {
        ground: request.ground,
        eventOn: request.eventOn,
        titleId: subject.titleId,
        outcome: evaluation.outcome,
        ...(dutyId ? { dutyId } : {}),
      },
    });
    return created;
  }

  /**
   * Records the approving body's act and applies each consequence the policy names (re-evaluated with the approval
   * date, from which a ban counts). Refused when the policy names no consequence for the case (the evaluation's
   * reasons say why: e.g. outside xinzhou-district 第十七条's half year); such a case is dismissed.
   */
  async approve(request: ApproveRevocationRequest): Promise<RevocationCaseView> {
    const row = await this.database.inTenant(async (tx) => {
      const current = await this.cases.lock(tx, request.id);
      if (!current) throw notFound();
      this.transition('approve', current.status);
      if (request.approvedOn < dateColumn.toIso(current.eventOn)) {
        throw DomainError.validation([
          {
            field: 'approvedOn',
            reason: {
              zh: '批准日期早于事件日期',
              en: 'the approval precedes the event',
            },
          },
        ]);
      }
      const { policy } = await this.policyOf(tx, current.cycleNumber);
      const evaluation = evaluateRevocation(policy, {
        ground: current.ground as RevocationCaseView['ground'],
        eventOn: dateColumn.toIso(current.eventOn),
        severity: current.severity,
        awardedOn: dateColumn.toIso(current.awardedOn),
        tier: current.tier as 'award' | 'nomination',
        decidedOn: request.approvedOn,
      });
      if (evaluation.outcome === 'none') {
        const why = evaluation.rules.map((r) => `${r.basis}: ${r.reason.zh}`).join('；') || evaluation.reason.zh;
        const whyEn = evaluation.rules.map((r) => `${r.basis}: ${r.reason.en}`).join('; ') || evaluation.reason.en;
        throw DomainError.conflict(
          {
            zh: `办法未规定本案的后果（${why}），不能批准撤销`,
            en: `The policy names no consequence for this case (${whyEn})`,
          },
          { rules: evaluation.rules },
        );
      }
      const now = this.clock.now();
      const approved = await this.cases.update(tx, current.id, {
        status: this.transition('approve', current.status),
        approvalBody: request.body,
        approvalNumber: request.documentNumber,
        approvedOn: dateColumn.fromIso(request.approvedOn),
        approvedBy: acting().userId,
        decidedBy: acting().userId,
        decidedAt: now,
        evaluation,
      });
      await this.steps.apply(tx, approved, policy, evaluation.consequences);
      const applied = await this.cases.update(tx, current.id, {
        status: this.transition('apply', approved.status),
      });
      await this.audit.record(tx, {
        action: 'revocation.approve',
        targetType: 'revocation_case',
        targetId: current.id,
        before: { status: current.status },
        after: {
          status: applied.status,
          approval: {
            body: request.body,
            documentNumber: request.documentNumber,
            approvedOn: request.approvedOn,
          },
          steps: applied.steps.map((s) => ({ kind: s.kind, basis: s.basis })),
        },
      });
      return applied;
    });
    return revocationView(row);
  }

  async dismiss(id: string, reason: string): Promise<RevocationCaseView> {
    const row = await this.database.inTenant(async (tx) => {
      const current = await this.cases.lock(tx, id);
      if (!current) throw notFound();
      const dismissed = await this.cases.update(tx, id, {
        status: this.transition('dismiss', current.status),
        dismissalReason: reason,
        decidedBy: acting().userId,
        decidedAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        action: 'revocation.dismiss',
        targetType: 'revocation_case',
        targetId: id,
        before: { status: current.status },
        after: { status: dismissed.status, reason },
      });
      return dismissed;
    });
    return revocationView(row);
  }

  async get(id: string): Promise<RevocationCaseView> {
    const row = await this.database.inTenant((tx) => this.cases.byId(tx, id));
    if (!row) throw notFound();
    return revocationView(row);
  }

  async list(): Promise<{ cases: RevocationCaseView[] }> {
    const rows = await this.database.inTenant((tx) => this.cases.list(tx));
    return { cases: rows.map(revocationView) };
  }

  private async policyOf(tx: AwardsTx, cycleNumber: number) {
    const programme = await this.programmes.current(tx);
    if (!programme) throw noProgramme();
    const cycle = await this.cycles.byNumber(tx, programme.id, cycleNumber);
    if (!cycle) {
      throw DomainError.validation([
        {
          field: 'cycleNumber',
          reason: {
            zh: `未找到第${cycleNumber}届评选`,
            en: `no cycle number ${cycleNumber}`,
          },
        },
      ]);
    }
    return {
      policy: storedPolicy(cycle.policyVersion.document),
      version: cycle.policyVersion.version,
    };
  }

  private transition(action: RevocationAction, from: RevocationCaseRow['status'] | null) {
    const row = revocationTransitionOf(action, from);
    if (!row) {
      throw DomainError.conflict({
        zh: `撤销案件处于“${from}”状态，不能执行 ${action}`,
        en: `A revocation case that is ${from} cannot be ${action === 'apply' ? 'applied' : `${action}d`}`,
      });
    }
    return row.to;
  }
}
