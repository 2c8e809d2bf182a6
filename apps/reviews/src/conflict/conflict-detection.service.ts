import { shanghaiDateOf } from '@laurel/calendar';
import { getPolicy } from '@laurel/contracts';
import { Clock, RequestContexts, ServiceClient } from '@laurel/platform';
import { DEFAULT_PAST_EMPLOYER_WINDOW_YEARS, detectConflicts } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { ReviewApplicationRow } from '../application/review-application.repository';
import { ReviewApplicationRepository } from '../application/review-application.repository';
import { toConflictExpert } from '../expert/expert.mapper';
import { ExpertRepository, type ExpertRow } from '../expert/expert.repository';
import { MemberUnitRepository, type MemberUnitRow } from '../member-unit/member-unit.repository';
import type { ReviewsTx } from '../reviews-prisma';
import { ConflictRepository } from './conflict.repository';
import { ConflictTransitions } from './conflict-transitions.service';
import { detectMemberUnitConflicts } from './detect-member-unit-conflicts.util';

/**
 * Runs `detectConflicts` (@laurel/policy) for pairs of experts and applications and raises a flag for each finding
 * not raised before (same expert, application, kind and evidence). It reruns when an expert registers or changes its
 * profile, when an application is accepted, and when the office changes the past-employer window. A decided flag is
 * never reopened; a new finding (e.g. a changed employer) raises a new flag.
 */
@Injectable()
export class ConflictDetection {
  private readonly policyKeys = new Map<string, string>();

  constructor(
    private readonly conflicts: ConflictRepository,
    private readonly transitions: ConflictTransitions,
    private readonly experts: ExpertRepository,
    private readonly applications: ReviewApplicationRepository,
    private readonly units: MemberUnitRepository,
    private readonly client: ServiceClient,
    private readonly clock: Clock,
  ) {}

  /** Checks one expert against every application. */
  async forExpert(tx: ReviewsTx, expert: ExpertRow): Promise<number> {
    return this.detect(tx, [expert], await this.applications.all(tx));
  }

  /** Checks every expert and every member unit against one application. */
  async forApplication(tx: ReviewsTx, application: ReviewApplicationRow): Promise<number> {
    const experts = await this.detect(tx, await this.experts.all(tx), [application]);
    return experts + (await this.detectUnits(tx, await this.units.all(tx), [application]));
  }

  /** Checks one member unit against every application (its credit codes were recorded or changed). */
  async forMemberUnit(tx: ReviewsTx, unit: MemberUnitRow): Promise<number> {
    return this.detectUnits(tx, [unit], await this.applications.all(tx));
  }

  private async detectUnits(tx: ReviewsTx, units: MemberUnitRow[], applications: ReviewApplicationRow[]) {
    if (units.length === 0 || applications.length === 0) return 0;
    const policyKey = await this.policyKey();
    let raised = 0;
    for (const unit of units) {
      for (const application of applications) {
        for (const finding of detectMemberUnitConflicts(unit, application, policyKey)) {
          const key = {
            memberUnitId: unit.id,
            applicationId: application.id,
            kind: finding.kind,
            evidence: finding.evidence,
          };
          if (await this.conflicts.existingOfParty(tx, key)) continue;
          await this.transitions.raise(tx, 'detect', { partyKind: 'member_unit', ...key, basis: finding.basis });
          raised += 1;
        }
      }
    }
    return raised;
  }

  /** Checks every pair (the window changed). */
  async everything(tx: ReviewsTx): Promise<number> {
    return this.detect(tx, await this.experts.all(tx), await this.applications.all(tx));
  }

  /** The tenant's policy key (its articles), asked of the awards service once per tenant. */
  async policyKey(): Promise<string> {
    const tenantId = RequestContexts.requireTenant();
    const known = this.policyKeys.get(tenantId);
    if (known) return known;
    const latest = await this.client.request(getPolicy, {});
    const key = String((latest.policy as { key?: unknown }).key);
    this.policyKeys.set(tenantId, key);
    return key;
  }

  private async detect(tx: ReviewsTx, experts: ExpertRow[], applications: ReviewApplicationRow[]): Promise<number> {
    if (experts.length === 0 || applications.length === 0) return 0;
    const settings = await this.conflicts.settings(tx);
    const options = {
      policyKey: await this.policyKey(),
      today: shanghaiDateOf(this.clock.now()),
      pastEmployerWindowYears: settings?.pastEmployerWindowYears ?? DEFAULT_PAST_EMPLOYER_WINDOW_YEARS,
    };
    let raised = 0;
    for (const expert of experts) {
      const profile = toConflictExpert(expert);
      for (const application of applications) {
        const findings = detectConflicts(profile, { creditCode: application.creditCode }, options);
        for (const finding of findings) {
          const key = {
            partyKind: 'expert' as const,
            expertId: expert.id,
            applicationId: application.id,
            kind: finding.kind,
            evidence: finding.evidence,
          };
          if (await this.conflicts.existing(tx, key)) continue;
          await this.transitions.raise(tx, 'detect', { ...key, basis: finding.basis });
          raised += 1;
        }
      }
    }
    return raised;
  }
}
