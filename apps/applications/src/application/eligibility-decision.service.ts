import type { DeclaredFacts } from '@laurel/contracts';
import { Clock } from '@laurel/platform';
import { deciderRoleOf } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { acting } from '../identity/actor.util';
import { deciderRequired, noReapplicationCheckOpen, notAllowed, notLeftToPeople } from './application.errors';
import {
  ApplicationEligibility,
  type BanCheckRecord,
  type Decisions,
  REAPPLICATION_RULE,
} from './application-eligibility.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationTransitions, requireAllowed } from './application-transitions.service';
import { AwardsGateway } from './awards.gateway';

/**
 * A person's decision on a rule the regulation leaves to people ("原则上", qualitative conditions, a waiver of the
 * years of operation): who, when, why — recorded, never invented. The re-application ban check that needs a decision
 * is settled the same way (rule id `reapplication`).
 */
@Injectable()
export class EligibilityDecisions {
  constructor(
    private readonly reader: ApplicationReader,
    private readonly awards: AwardsGateway,
    private readonly eligibility: ApplicationEligibility,
    private readonly transitions: ApplicationTransitions,
    private readonly clock: Clock,
  ) {}

  async decide(id: string, ruleId: string, outcome: 'pass' | 'fail', reason: string) {
    const row = await this.reader.visible(id);
    requireAllowed(row, 'decide');
    const decision = {
      outcome,
      decidedBy: acting().label ?? 'unknown',
      decidedAt: this.clock.now().toISOString(),
      reason,
    };
    if (ruleId === REAPPLICATION_RULE) {
      if (!acting().office) throw notAllowed();
      await this.transitions.run(id, 'decide', {
        change: (locked) => {
          const checks = locked.banChecks;
          const index = checks.findLastIndex((c) => c.outcome === 'needs_decision' && !c.decision);
          if (index < 0) throw noReapplicationCheckOpen();
          return { banChecks: checks.map((c, i) => (i === index ? { ...c, decision } : c)) };
        },
        basis: row.banChecks.findLast((c) => c.outcome === 'needs_decision')?.basis.zh ?? null,
        audited: { ruleId, outcome, reason },
      });
      return this.reader.get(id);
    }
    const policy = await this.awards.policy(row.policyVersion);
    const undecided = this.eligibility.evaluate(policy, row.applicant, row.facts, {});
    const finding = undecided.findings.find((f) => f.ruleId === ruleId);
    if (finding?.outcome !== 'needs_decision') {
      throw notLeftToPeople(finding ? `${policy.key} ${finding.basis}` : undefined);
    }
    // The body the rule names decides (xinzhou-city 第十条: the leading group waives the years of operation).
    const decider = deciderRoleOf(policy, ruleId);
    if (!acting().has(decider)) throw deciderRequired(decider, `${policy.key} ${finding.basis}`);
    await this.transitions.run(id, 'decide', {
      basis: `${policy.key} ${finding.basis}`,
      // Merged into the decisions as they are now: another rule decided meanwhile is kept, not overwritten.
      change: (locked) => {
        const decisions: Decisions = { ...locked.decisions, [ruleId]: decision };
        const eligibility = this.eligibility.evaluate(policy, locked.applicant, locked.facts, decisions);
        return { decisions: decisions as unknown as Prisma.InputJsonValue, eligibility };
      },
      audited: { ruleId, outcome, reason },
    });
    return this.reader.get(id);
  }
}
