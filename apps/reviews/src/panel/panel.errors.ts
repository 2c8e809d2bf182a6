import { DomainError } from '@laurel/contracts';

export const panelNotSet = () =>
  DomainError.conflict({
    zh: '该评审环节尚未组建评审组（规模与成员）',
    en: 'This review stage has no panel yet (its size and members)',
  });

export const memberNotInPool = (index: number) =>
  DomainError.validation([
    {
      field: `body.members[${index}].expertId`,
      reason: { zh: '不是本辖区专家库中在册的专家', en: 'is not an active expert of this jurisdiction’s pool' },
    },
  ]);
