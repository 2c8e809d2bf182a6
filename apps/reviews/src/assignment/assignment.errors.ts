import { DomainError, type LocalisedText } from '@laurel/contracts';
import type { Binding } from './solver/solve-assignment';

export const assignmentNotFound = () => DomainError.notFound({ zh: '未找到该评审分配', en: 'No such assignment' });

const names = (items: readonly { name: string }[], limit = 5) => {
  const shown = items.slice(0, limit).map((i) => i.name);
  return items.length > limit ? `${shown.join('、')} 等 ${items.length} 个` : shown.join('、');
};
const namesEn = (items: readonly { name: string }[], limit = 5) => {
  const shown = items.slice(0, limit).map((i) => i.name);
  return items.length > limit ? `${shown.join(', ')} and ${items.length - limit} more` : shown.join(', ');
};

/** One binding constraint in words. */
export function describeBinding(binding: Binding): LocalisedText {
  switch (binding.constraint) {
    case 'panel_size':
      return {
        zh: `申报「${binding.application.name}」无利益冲突的专家仅剩 ${binding.eligible} 名，评审组需要 ${binding.needed} 名`,
        en: `Only ${binding.eligible} experts without a conflict are left for ${binding.application.name}; the panel needs ${binding.needed}`,
      };
    case 'max_load':
      return {
        zh: `申报 ${names(binding.applications)} 只能由专家 ${names(binding.experts)} 评审，其最大评审量合计 ${binding.capacity} 份已用尽，这些申报需要 ${binding.needed} 份`,
        en: `Applications ${namesEn(binding.applications)} can only go to experts ${namesEn(binding.experts)}, whose maximum loads (${binding.capacity} in all) are exhausted; they need ${binding.needed}`,
      };
    case 'total_max_load':
      return {
        zh: `评审组专家最大评审量合计 ${binding.capacity} 份，少于需要的 ${binding.needed} 份（申报数 × 评审组规模）`,
        en: `The panel's maximum loads add up to ${binding.capacity}, fewer than the ${binding.needed} needed (applications × panel size)`,
      };
    case 'total_min_load':
      return {
        zh: `评审组专家最低评审量合计 ${binding.least} 份，超过需要的 ${binding.needed} 份（申报数 × 评审组规模）`,
        en: `The panel's minimum loads add up to ${binding.least}, more than the ${binding.needed} needed (applications × panel size)`,
      };
    case 'min_load':
      return {
        zh: `专家 ${binding.expert.name} 最低评审量为 ${binding.expert.minLoad} 份，在其他约束下只能分到 ${binding.reachable} 份`,
        en: `Expert ${binding.expert.name} must review at least ${binding.expert.minLoad}, but only ${binding.reachable} can be given under the other constraints`,
      };
    case 'locked_over_max':
      return {
        zh: `专家 ${binding.expert.name} 已锁定 ${binding.locked} 份，超过其最大评审量 ${binding.expert.maxLoad} 份`,
        en: `Expert ${binding.expert.name} holds ${binding.locked} locked assignments, more than the maximum of ${binding.expert.maxLoad}`,
      };
  }
}

/** 422: no assignment meets the constraints; says which bind (zh and en), each also as data. */
export function assignmentInfeasible(bindings: readonly Binding[]): DomainError {
  const texts = bindings.map(describeBinding);
  return new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `无法完成分配：${texts.map((t) => t.zh).join('；')}`,
      en: `No assignment is possible: ${texts.map((t) => t.en).join('; ')}`,
    },
    extensions: {
      bindings: bindings.map((b, i) => ({
        constraint: b.constraint,
        message: texts[i],
        ...('application' in b ? { applicationId: b.application.id, eligible: b.eligible, needed: b.needed } : {}),
        ...('applications' in b
          ? { applicationIds: b.applications.map((a) => a.id), expertIds: b.experts.map((e) => e.id) }
          : {}),
        ...('expert' in b ? { expertId: b.expert.id } : {}),
      })),
    },
  });
}

export const expertNotOnPanel = () =>
  DomainError.validation([
    { field: 'body.expertId', reason: { zh: '不是该评审组的成员', en: 'is not a member of the stage’s panel' } },
  ]);

export const expertInConflict = () =>
  DomainError.validation([
    {
      field: 'body.expertId',
      reason: {
        zh: '该专家与此申报有利益冲突（已回避或待决定），不得评审',
        en: 'has a conflict with this application (recused or undecided) and may not review it',
      },
    },
  ]);

export const expertAlreadyAssigned = () =>
  DomainError.conflict({ zh: '该专家已评审此申报', en: 'The expert already reviews this application' });

export const expertAtMaxLoad = (maxLoad: number) =>
  DomainError.validation([
    {
      field: 'body.expertId',
      reason: {
        zh: `该专家已达最大评审量 ${maxLoad} 份`,
        en: `has reached the maximum load of ${maxLoad}`,
      },
    },
  ]);
