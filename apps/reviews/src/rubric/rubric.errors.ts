import { DomainError, type FieldError } from '@laurel/contracts';

/** Messages of loaded rubrics, in zh-CN and English. */
export const rubricDoesNotAddUp = (fields: FieldError[]) =>
  DomainError.validation(fields, {
    zh: '评分标准未通过校验：各项分值须合计为所属类目分值，各类目合计为总分，编号不得重复',
    en: 'The rubric does not add up: items must sum to their category, categories to the total, keys be unique',
  });

export const standardNotNamed = (standard: string, named: readonly string[]) =>
  DomainError.validation([
    {
      field: 'body.standard',
      reason: {
        zh: `本地政策未采用评分标准“${standard}”（政策采用：${named.join('、') || '无'}）`,
        en: `The policy does not name the standard "${standard}" (it names: ${named.join(', ') || 'none'})`,
      },
    },
  ]);

export const standardEncoded = (standard: string) =>
  DomainError.validation([
    {
      field: 'body.standard',
      reason: {
        zh: `评分标准“${standard}”已由平台内置，无需载入`,
        en: `The platform encodes the standard "${standard}"; it is not loaded`,
      },
    },
  ]);

/**
 * A scored stage cannot open before the rubric its standard calls for exists: the policy names the standard (with
 * its article), the platform does not encode it, and the office has not loaded it.
 */
export const rubricNotLoaded = (
  stageName: string,
  standard: string,
  title: string,
  applicantKind: string,
  basis: string,
) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `环节“${stageName}”须依评分标准 ${standard}《${title}》为${applicantKind === 'individual' ? '申报个人' : '申报组织'}评分（${basis}），该评分标准尚未载入：请办公室先载入其类目、评分项和分值（注明出处）`,
      en: `Stage "${stageName}" scores ${applicantKind} applicants by ${standard} (${basis}), which is not loaded yet: the office loads its categories, items and points with their source first`,
    },
    basis,
    extensions: { standard, applicantKind },
  });
