import { DomainError, type FieldError, fieldErrorsFromZod, tenantLevelLabels } from '@laurel/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { checkPolicyDocument } from '../awards/policy-document.util';
import { createTenantBody, type TenantToCreate, tenantFields } from './tenant.schema';

/** The registry fields a policy document supplies when the body leaves them out. */
const DERIVED = ['key', 'nameZh', 'nameEn', 'level'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a POST /tenants body before anything is created and lists every problem at once (400): the body's
 * fields, and every problem of the policy document as `body.policy.<path>` (`parsePolicy`), including a
 * policy `key` other than the tenant key, a `level` other than the tenant's and a first `version` other than 1.
 */
@Injectable()
export class CreateTenantPipe implements PipeTransform<unknown, TenantToCreate> {
  transform(value: unknown): TenantToCreate {
    const body = isObject(value) ? value : {};
    const fields: FieldError[] = [];
    const shape = createTenantBody.safeParse(value);
    if (!shape.success) fields.push(...fieldErrorsFromZod(shape.error, 'body'));

    const { policy: document, ...given } = body;
    const resolved: Record<string, unknown> = { ...given };
    if (document !== undefined && isObject(document)) {
      const tenantKey = typeof given.key === 'string' ? given.key : undefined;
      const { policy, fields: problems } = checkPolicyDocument(document, { tenantKey, prefix: 'body.policy' });
      fields.push(...problems);
      if (policy) {
        resolved.key ??= policy.key;
        resolved.nameZh ??= policy.name.zh;
        resolved.nameEn ??= policy.name.en;
        resolved.level ??= policy.level;
        if (given.level !== undefined && given.level !== policy.level) {
          fields.push({
            field: 'body.policy.level',
            reason: {
              zh: `须与辖区级别「${tenantLevelLabels[given.level as keyof typeof tenantLevelLabels] ?? '所给级别'}」一致`,
              en: `must be the tenant's level "${String(given.level)}"`,
            },
          });
        }
        if (policy.version !== 1) {
          fields.push({
            field: 'body.policy.version',
            reason: {
              zh: '新设奖项的政策版本须为 1',
              en: `must be 1, the programme's first version (got ${policy.version})`,
            },
          });
        }
      }
    }
    const tenant = tenantFields.safeParse(resolved);
    if (!tenant.success) {
      // Already reported, or left out to come from a policy document that has problems of its own.
      const named = new Set(fields.map((field) => field.field));
      if (isObject(document)) {
        for (const key of DERIVED) if (given[key] === undefined) named.add(`body.${key}`);
      }
      fields.push(...fieldErrorsFromZod(tenant.error, 'body').filter((field) => !named.has(field.field)));
    }
    if (fields.length > 0 || !tenant.success) throw DomainError.validation(fields);
    return { tenant: tenant.data, policy: isObject(document) ? document : null };
  }
}
