import {
  type AnswerClearanceBody,
  applicationGet,
  type ClearanceRequestView,
  type DecideClearanceBody,
  type DepartmentView,
  DomainError,
  type FieldError,
  type OpenClearanceBody,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, ServiceClient } from '@laurel/platform';
import { clearanceDepartments } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { CandidateListRepository } from '../candidate-list/candidate-list.repository';
import { CycleRepository } from '../cycle/cycle.repository';
import { dateColumn } from '../date-column.util';
import { storedPolicy } from '../policy/policy-document.util';
import { ProgrammeRepository } from '../programme/programme.repository';
import { noProgramme } from '../programme/programme.service';
import { type ClearanceAction, clearanceTransitionOf } from './clearance.lifecycle';
import { toClearanceView, toDepartmentView } from './clearance.mapper';
import { ClearanceRepository } from './clearance.repository';
import { ClearanceScheduler } from './clearance.scheduler';

const DAY_MS = 86_400_000;

/**
 * Background clearance (征求意见): departments are tenant data with their accounts; the office opens clearance for a
 * candidate of the cycle's list — a request to every department the policy names for the candidate's category and
 * to others it names with a reason where the text allows — due at the end of a day (reminded the day before,
 * overdue after); a department's account answers clear or with a concern; the office records the leading group's
 * decision on a concern. An undecided concern holds the candidate, an upheld one removes it (CommendationService).
 */
@Injectable()
export class ClearanceService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly cycles: CycleRepository,
    private readonly lists: CandidateListRepository,
    private readonly requests: ClearanceRepository,
    private readonly scheduler: ClearanceScheduler,
    private readonly audit: AuditTrail,
    private readonly client: ServiceClient,
    private readonly clock: Clock,
  ) {}

  async createDepartment(body: { name: string; key?: string; userIds: string[] }): Promise<DepartmentView> {
    const row = await this.database.inTenant(async (tx) => {
      const created = await this.requests.createDepartment(tx, {
        name: body.name,
        key: body.key ?? null,
        userIds: body.userIds,
        createdBy: acting().label,
        createdAt: this.clock.now(),
      });
      if (!created)
        throw new DomainError({
          code: 'conflict',
          detail: { zh: '已有同名部门', en: 'A department of that name exists' },
          fields: [{ field: 'body.name', reason: { zh: '已有同名部门', en: 'is taken' } }],
        });
      await this.audit.record(tx, {
        action: 'department.create',
        targetType: 'department',
        targetId: created.id,
        after: { name: created.name, key: created.key, userIds: created.userIds },
      });
      return created;
    });
    return toDepartmentView(row);
  }

  async departments(): Promise<DepartmentView[]> {
    return (await this.database.inTenant((tx) => this.requests.departments(tx))).map(toDepartmentView);
  }

  async open(cycleNumber: number, body: OpenClearanceBody): Promise<ClearanceRequestView[]> {
    const now = this.clock.now();
    const { rows, created } = await this.database.inTenant(async (tx) => {
      const policy = await this.policyOf(tx, cycleNumber);
      const plan = clearanceDepartments(policy, body.category);
      if (!plan)
        throw DomainError.conflict({
          zh: '本届适用的政策未规定征求意见',
          en: 'The cycle’s policy asks for no background clearance',
        });
      const entry = await this.subjectOf(tx, policy, plan.stage, cycleNumber, body.applicationId);
      if (!entry)
        throw new DomainError({
          code: 'rule_violation',
          detail: { zh: '不是本届征求意见的对象', en: 'Not one the cycle’s clearance is about' },
          fields: [
            {
              field: 'body.applicationId',
              reason: {
                zh: `不在本届${plan.stage}阶段征求意见的对象之中（候选获奖名单，或名单之前的本届申报）`,
                en: `is not a candidate (or, before the list, an application) of the cycle at stage ${plan.stage}`,
              },
            },
          ],
        });
      const departments = await this.requests.departments(tx);
      const fields: FieldError[] = [];
      const asked: { departmentId: string; basis: string }[] = [];
      for (const rule of plan.departments) {
        const department = departments.find((d) => d.key === rule.key);
        if (department) asked.push({ departmentId: department.id, basis: `${policy.key} ${rule.basis}` });
        else
          fields.push({
            field: 'departments',
            reason: {
              zh: `须先登记${rule.name.zh}部门（key ${rule.key}，${policy.key} ${rule.basis}）`,
              en: `register the ${rule.name.en} department first (key ${rule.key}, ${policy.key} ${rule.basis})`,
            },
          });
      }
      body.others.forEach((other, index) => {
        if (!plan.othersByOffice)
          fields.push({ field: `body.others[${index}]`, reason: { zh: '本办法未允许增加部门', en: 'not allowed' } });
        else if (!departments.some((d) => d.id === other.departmentId))
          fields.push({
            field: `body.others[${index}].departmentId`,
            reason: { zh: '没有这个部门', en: 'no such department' },
          });
        else asked.push({ departmentId: other.departmentId, basis: `${policy.key} ${plan.basis}：${other.reason}` });
      });
      if (asked.length === 0 && fields.length === 0)
        fields.push({
          field: 'body.others',
          reason: { zh: '须指定征求意见的部门', en: 'name the departments to ask' },
        });
      if (fields.length > 0)
        throw new DomainError({
          code: 'rule_violation',
          detail: { zh: '征求意见的部门不全', en: 'The departments to ask are incomplete' },
          fields,
        });
      const dueAt = new Date(Date.parse(`${body.dueOn}T00:00:00+08:00`) + DAY_MS);
      if (dueAt <= now)
        throw DomainError.validation([
          { field: 'body.dueOn', reason: { zh: '须晚于今天之前', en: 'must not be past' } },
        ]);
      const remindAt = new Date(Math.max(now.getTime(), dueAt.getTime() - DAY_MS));
      const before = new Set((await this.requests.list(tx, { cycleNumber })).map((r) => r.id));
      const rows = await this.requests.open(
        tx,
        asked.map((a) => ({
          ...a,
          cycleNumber,
          applicationId: entry.applicationId,
          applicantId: entry.applicantId,
          applicantName: entry.applicantName,
          category: body.category,
          dueOn: dateColumn.fromIso(body.dueOn),
          remindAt,
          dueAt,
          requestedBy: acting().label,
          requestedAt: now,
        })),
      );
      const created = rows.filter((r) => !before.has(r.id));
      for (const row of created)
        await this.audit.record(tx, {
          action: 'clearance.request',
          targetType: 'clearance-request',
          targetId: row.id,
          basis: row.basis,
          after: { applicant: row.applicantName, department: row.department.name, dueOn: body.dueOn },
        });
      return { rows, created };
    });
    await this.scheduler.schedule(created);
    return rows.map(toClearanceView);
  }

  async list(cycleNumber: number | undefined): Promise<ClearanceRequestView[]> {
    const me = acting();
    const ownOnly =
      !me.roles.includes('office') && !me.roles.includes('leading_group') && !me.roles.includes('supervisor');
    const rows = await this.database.inTenant((tx) =>
      this.requests.list(tx, { cycleNumber, ...(ownOnly ? { userId: me.userId ?? '-' } : {}) }),
    );
    return rows.map(toClearanceView);
  }

  /** The department's answer, by one of its accounts. A concern needs its reasons. */
  async answer(requestId: string, body: AnswerClearanceBody): Promise<ClearanceRequestView> {
    if (body.outcome === 'concern' && !body.reasons)
      throw DomainError.validation([
        { field: 'body.reasons', reason: { zh: '有意见须写明理由', en: 'a concern needs its reasons' } },
      ]);
    return this.move(requestId, body.outcome === 'clear' ? 'clear' : 'raise_concern', (request) => {
      const me = acting();
      if (!me.userId || !request.department.userIds.includes(me.userId))
        throw DomainError.forbidden({ zh: '只有被征求意见的部门可以答复', en: 'Only the department asked may answer' });
      return { answer: body.reasons ?? null, answeredBy: me.label, answeredAt: this.clock.now() };
    });
  }

  /** The leading group's decision on a concern, recorded by the office. */
  async decide(requestId: string, body: DecideClearanceBody): Promise<ClearanceRequestView> {
    return this.move(requestId, body.outcome === 'upheld' ? 'uphold_concern' : 'dismiss_concern', () => ({
      decisionReason: body.reason,
      decidedOn: dateColumn.fromIso(body.decidedOn),
      decisionRecordedBy: acting().label,
      decisionRecordedAt: this.clock.now(),
    }));
  }

  private async move(
    requestId: string,
    action: ClearanceAction,
    fieldsOf: (request: NonNullable<Awaited<ReturnType<ClearanceRepository['byId']>>>) => Record<string, unknown>,
  ): Promise<ClearanceRequestView> {
    const row = await this.database.inTenant(async (tx) => {
      const request = await this.requests.byId(tx, requestId);
      if (!request) throw DomainError.notFound({ zh: '没有这个征求意见', en: 'No such clearance request' });
      const data = fieldsOf(request);
      const transition = clearanceTransitionOf(action, request.status);
      if (
        !transition ||
        !(await this.requests.transition(tx, request.id, transition.from, { ...data, status: transition.to }))
      )
        throw DomainError.conflict({
          zh: `此征求意见的状态为 ${request.status}，不能 ${action}`,
          en: `The request is ${request.status}: ${action} is not allowed`,
        });
      await this.audit.record(tx, {
        action: `clearance.${action}`,
        targetType: 'clearance-request',
        targetId: request.id,
        basis: request.basis,
        before: { status: request.status },
        after: { status: transition.to, ...data },
      });
      return this.requests.byId(tx, request.id);
    });
    if (!row) throw new Error('the request vanished in its own transaction');
    return toClearanceView(row);
  }

  /**
   * Whom the clearance is about. At a stage after the candidate list: a candidate on the cycle's recorded list. At a
   * stage before it (inner-mongolia 第十三条: 复核…征询自治区有关行业行政主管部门意见, at acceptance): an application of
   * the cycle, as the applications service knows it (asked with the office's own context).
   */
  private async subjectOf(
    tx: AwardsTx,
    policy: ReturnType<typeof storedPolicy>,
    stageKey: string,
    cycleNumber: number,
    applicationId: string,
  ): Promise<{ applicationId: string; applicantId: string; applicantName: string } | null> {
    const stages = policy.procedure.stages;
    const order = (key: string | undefined) => stages.find((s) => s.key === key)?.order ?? Number.POSITIVE_INFINITY;
    const listStage = stages.find((s) => s.kind === 'candidate_list')?.key;
    if (order(stageKey) >= order(listStage)) {
      return (
        (await this.lists.ofCycle(tx, cycleNumber))?.entries.find((e) => e.applicationId === applicationId) ?? null
      );
    }
    const application = await this.client.request(applicationGet, { id: applicationId }).catch(() => null);
    if (!application || application.cycle.number !== cycleNumber) return null;
    return { applicationId, applicantId: application.applicant.id, applicantName: application.applicant.name };
  }

  private async policyOf(tx: AwardsTx, cycleNumber: number) {
    const programme = await this.programmes.current(tx);
    if (!programme) throw noProgramme();
    const cycle = await this.cycles.byNumber(tx, programme.id, cycleNumber);
    if (!cycle)
      throw DomainError.notFound({ zh: `未找到第${cycleNumber}届评选`, en: `No cycle number ${cycleNumber}` });
    return storedPolicy(cycle.policyVersion.document);
  }
}
