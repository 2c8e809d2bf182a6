import { randomUUID } from 'node:crypto';
import type { ApplicationsPlatform } from './applications.util';

/**
 * A title granted by a commendation decision of cycle 1, for tests of what follows a title (revocation). The
 * decision's route is being built beside this (h-winners); until it lands, the decision and its title are written as
 * that route will write them, into the awards service's own tables. Returns the title's id.
 */
export async function grantTitleForTest(
  sut: ApplicationsPlatform,
  tenantId: string,
  title: { applicantName: string; creditCode: string | null; decidedOn?: string | undefined },
): Promise<string> {
  const db = sut.awards.runtime.database.system;
  const decidedOn = title.decidedOn ?? '2025-06-01';
  const year = Number(decidedOn.slice(0, 4));
  const decisions = await db.$queryRawUnsafe<{ id: string }[]>(
    'SELECT id FROM commendation_decision WHERE tenant_id = $1::uuid AND cycle_number = 1',
    tenantId,
  );
  let decisionId = decisions[0]?.id;
  if (!decisionId) {
    decisionId = randomUUID();
    await db.$executeRawUnsafe(
      `INSERT INTO commendation_decision (id, tenant_id, cycle_number, year, policy_version, approving_body,
         document_number, decided_on, basis, recorded_by, recorded_at)
       VALUES ($1::uuid, $2::uuid, 1, $3, 1, '人民政府', '政发〔2025〕1号', $4::date, '审定', 'office', now())`,
      decisionId,
      tenantId,
      year,
      decidedOn,
    );
  }
  const id = randomUUID();
  await db.$executeRawUnsafe(
    `INSERT INTO title (id, tenant_id, decision_id, application_id, applicant_id, applicant_kind, applicant_name,
       credit_code, tier, cycle_number, year, policy_version, valid_from, valid_until, validity_basis, status,
       status_changed_at, created_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, 'organisation', $6, $7, 'award', 1, $8, 1, $9::date,
       NULL, '第五条', 'active', now(), now())`,
    id,
    tenantId,
    decisionId,
    randomUUID(),
    randomUUID(),
    title.applicantName,
    title.creditCode,
    year,
    decidedOn,
  );
  return id;
}
