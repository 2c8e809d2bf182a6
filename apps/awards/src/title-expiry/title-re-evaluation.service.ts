import { shanghaiDateOf } from '@laurel/calendar';
import { DomainError, type TitleView } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { isoDate } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { toTitleView } from '../title/title.mapper';
import { TitleReader } from '../title/title.reader';
import { TitleExpiryScheduler } from './title-expiry.scheduler';
import { TitleTransitionRepository } from './title-transition.repository';

export interface ReEvaluationInput {
  readonly titleId: string;
  readonly outcome: 'keep' | 'require_rectification' | 'confirm_rectification' | 'lose';
  readonly reason: string;
  readonly validUntil?: string;
  readonly rectifyBy?: string;
}

const FROM = {
  keep: 'under_re_evaluation',
  require_rectification: 'under_re_evaluation',
  confirm_rectification: 'rectifying',
  lose: null,
} as const;

/**
 * The office's re-evaluation of a title whose validity ended (linxia 第五条): a recorded decision (who, when, why), never
 * automated. A kept title gets the new last valid day the office records, and its expiry is scheduled again.
 */
@Injectable()
export class TitleReEvaluationService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly titles: TitleReader,
    private readonly transitions: TitleTransitionRepository,
    private readonly expiry: TitleExpiryScheduler,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async record(input: ReEvaluationInput): Promise<TitleView> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    const needs = (field: 'validUntil' | 'rectifyBy', value: string | undefined) => {
      if (!value || isoDate.compare(value, today) <= 0) {
        throw DomainError.validation([
          {
            field,
            reason: {
              zh:
                field === 'validUntil'
                  ? `保留称号须填写新的有效期截止日，且晚于今日（${today}）`
                  : `须填写整改期限，且晚于今日（${today}）`,
              en: `${field} is required for ${input.outcome} and must be after ${today}`,
            },
          },
        ]);
      }
    };
    if (input.outcome === 'keep' || input.outcome === 'confirm_rectification') needs('validUntil', input.validUntil);
    if (input.outcome === 'require_rectification') needs('rectifyBy', input.rectifyBy);

    const view = await this.database.inTenant(async (tx) => {
      const title = await this.titles.byId(tx, input.titleId);
      if (!title) throw DomainError.notFound({ zh: '没有这个称号', en: 'No such title' });
      const from = FROM[input.outcome];
      if (from !== null && title.status !== from) {
        throw DomainError.conflict(
          {
            zh: `称号状态为“${title.status}”，不能记录此复评结论`,
            en: `A title in state ${title.status} cannot ${input.outcome}`,
          },
          { field: 'outcome', reason: 'not_allowed_in_state', status: title.status },
        );
      }
      const action = input.outcome;
      const to = await this.transitions.apply(tx, {
        titleId: title.id,
        action,
        from: title.status,
        reason: input.reason,
        basis: title.validityBasis,
        actor: acting().label,
        at: now,
        rectifyBy: input.outcome === 'require_rectification' ? (input.rectifyBy ?? null) : null,
        ...(input.validUntil && (action === 'keep' || action === 'confirm_rectification')
          ? { validUntil: input.validUntil }
          : {}),
      });
      await this.audit.record(tx, {
        action: `title.${action}`,
        targetType: 'title',
        targetId: title.id,
        basis: title.validityBasis,
        before: { status: title.status },
        after: {
          status: to,
          reason: input.reason,
          validUntil: input.validUntil ?? null,
          rectifyBy: input.rectifyBy ?? null,
        },
      });
      const updated = await this.titles.byId(tx, title.id);
      if (!updated) throw DomainError.notFound({ zh: '没有这个称号', en: 'No such title' });
      return toTitleView(updated);
    });
    if (view.status === 'active' && view.validUntil) await this.expiry.schedule(view.id, view.validUntil);
    return view;
  }
}
