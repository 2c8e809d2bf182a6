import { shanghaiDateOf } from '@laurel/calendar';
import { type ApplicationView, type BanCheckIdentity, type DeclaredFacts, DomainError } from '@laurel/contracts';
import { Clock, Database, FieldCipher } from '@laurel/platform';
import {
  type ApplicantFacts,
  type EligibilityResult,
  evaluateEligibility,
  type LegalForm,
  type OrganisationType,
  type Policy,
  type RecordedDecision,
} from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { ApplicantRow } from '../applicant/applicant.repository';
import type { PrismaClient } from '../applications-prisma';
import { banned, notEligible } from './application.errors';
import { ApplicationRepository, type ApplicationWithDetails } from './application.repository';
import { AwardsGateway } from './awards.gateway';

export type Decisions = Record<string, RecordedDecision>;
export type StoredEligibility = ApplicationView['eligibility'];
export type BanCheckRecord = ApplicationView['banChecks'][number];

/** The rule id under which a person decides a ban check that needs a decision. */
export const REAPPLICATION_RULE = 'reapplication';

/**
 * Whether an applicant may take part: the policy's eligibility rules (`evaluateEligibility`, each finding with its
 * article; rules left to people settled by recorded decisions) and the awards service's ban check, at application and
 * again at acceptance.
 */
@Injectable()
export class ApplicationEligibility {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
    private readonly awards: AwardsGateway,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  evaluate(policy: Policy, applicant: ApplicantRow, declared: DeclaredFacts, decisions: Decisions): StoredEligibility {
    const facts: ApplicantFacts = {
      kind: applicant.kind as ApplicantFacts['kind'],
      ...(applicant.legalForm ? { legalForm: applicant.legalForm as LegalForm } : {}),
      ...(applicant.organisationType ? { organisationType: applicant.organisationType as OrganisationType } : {}),
      ...(applicant.fourNewField !== null ? { inFourNewField: applicant.fourNewField } : {}),
      ...(applicant.yearsInQualityWork !== null ? { yearsInQualityWork: applicant.yearsInQualityWork } : {}),
      ...declared,
      decisions,
    };
    const asOf = shanghaiDateOf(this.clock.now());
    const result: EligibilityResult = evaluateEligibility(policy, facts, { asOf });
    return {
      outcome: result.outcome,
      asOf,
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        outcome: f.outcome,
        basis: f.basis,
        reason: f.reason,
        ...(f.missingFacts ? { missingFacts: [...f.missingFacts] } : {}),
        ...(f.decision ? { decision: f.decision } : {}),
      })),
    };
  }

  /** Failing or missing conditions stop the application with their articles. */
  requireEligible(eligibility: StoredEligibility): void {
    const blocking = eligibility.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'missing');
    if (blocking.length === 0) return;
    const failed = blocking.filter((f) => f.outcome === 'fail');
    throw notEligible(failed.length > 0 ? failed : blocking);
  }

  /** `awards.ban.check` for the applicant: refused stops here; otherwise the record to keep on the application. */
  async banCheck(applicant: ApplicantRow, cycleNumber: number, step: string): Promise<BanCheckRecord> {
    const identity: BanCheckIdentity =
      applicant.kind === 'organisation'
        ? { kind: 'organisation', creditCode: applicant.creditCode ?? '' }
        : { kind: 'individual', idNumber: this.cipher.decrypt(applicant.idNumberCipher ?? '') };
    const result = await this.awards.banCheck(identity, cycleNumber, applicant.id);
    if (result.outcome === 'refused') throw banned(result.findings, result.allowedFrom);
    const record: BanCheckRecord = { at: result.checkedAt, step, outcome: result.outcome, basis: result.basis };
    if (result.crossTenantFlags.length > 0) record.crossTenantFlags = result.crossTenantFlags;
    if (result.outcome === 'needs_decision') {
      const open = result.findings.filter((f) => f.outcome === 'needs_decision');
      record.reasons = { zh: open.map((f) => f.reason.zh).join('；'), en: open.map((f) => f.reason.en).join('; ') };
    }
    return record;
  }

  /**
   * The ban check again at acceptance. Needing a person's decision, it is recorded and the formal review waits
   * (422) until the office decides; an earlier decision on an acceptance check stands.
   */
  async acceptanceBanCheck(row: ApplicationWithDetails): Promise<BanCheckRecord> {
    const ban = await this.banCheck(row.applicant, row.cycleNumber, 'acceptance');
    if (ban.outcome !== 'needs_decision') return ban;
    const checks = row.banChecks;
    const decided = checks.findLast((c) => c.step === 'acceptance' && c.outcome === 'needs_decision' && c.decision);
    if (decided?.decision) {
      const withDecision = { ...ban, decision: decided.decision };
      const against = banUnsettled({ banChecks: [withDecision] });
      if (against) throw against;
      return withDecision;
    }
    const last = checks.at(-1);
    if (!(last?.step === 'acceptance' && last.outcome === 'needs_decision')) {
      await this.database.inTenant(async (tx) => {
        await this.applications.lock(tx, row.id);
        await this.applications.update(tx, row.id, { banChecks: [...checks, ban], updatedAt: this.clock.now() });
      });
    }
    throw banUnsettled({ banChecks: [ban] }) ?? new Error('a ban check needing a decision must stop the review');
  }
}

/**
 * A ban check that needs a person's decision stops the application until the office records one (rule id
 * `reapplication`); a decision against it stops it for good.
 */
export function requireBanSettled(row: { banChecks: readonly BanCheckRecord[] }): void {
  const unsettled = banUnsettled(row);
  if (unsettled) throw unsettled;
}

function banUnsettled(row: { banChecks: readonly BanCheckRecord[] }): DomainError | null {
  const open = row.banChecks.filter((c) => c.outcome === 'needs_decision' && c.decision?.outcome !== 'pass');
  const check = open.at(-1);
  if (!check) return null;
  const decidedAgainst = check.decision?.outcome === 'fail';
  return new DomainError({
    code: 'rule_violation',
    detail: decidedAgainst
      ? {
          zh: `经人工认定不得再次申报：${check.decision?.reason ?? ''}`,
          en: `A person decided the applicant may not apply again: ${check.decision?.reason ?? ''}`,
        }
      : {
          zh: `能否再次申报须由人工认定（${check.reasons?.zh ?? check.basis.zh}），认定前申报不能继续`,
          en: `Whether the applicant may apply again needs a person’s decision (${check.reasons?.en ?? check.basis.en}); the application waits until then`,
        },
    basis: check.basis.zh,
    extensions: { ruleId: REAPPLICATION_RULE, banCheck: check },
  });
}
