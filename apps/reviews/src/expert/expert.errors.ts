import { DomainError } from '@laurel/contracts';

/** Messages of the expert pool, in zh-CN and English. */
export const expertNotFound = () => DomainError.notFound({ zh: '未找到该评审专家', en: 'No such expert' });

export const userAlreadyExpert = (expertId: string) =>
  DomainError.conflict(
    { zh: '该用户已登记为评审专家', en: 'This user account is already an expert of the pool' },
    { existingExpertId: expertId },
  );
