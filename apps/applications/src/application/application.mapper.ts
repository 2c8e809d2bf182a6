import type { ApplicationStatus, ApplicationView, DeclaredFacts, PlanStep } from '@laurel/contracts';
import type { RecordedDecision } from '@laurel/policy';
import type { ApplicationRow } from './application.repository';

type View = ApplicationView;

/** The JSON columns, as this service writes them. */
interface TypedColumns {
  status: ApplicationStatus;
  plan: PlanStep[];
  facts: DeclaredFacts;
  attestations: View['attestations'];
  decisions: Record<string, RecordedDecision>;
  eligibility: View['eligibility'];
  banChecks: View['banChecks'];
  publicity: View['publicity'];
  recommendation: View['recommendation'];
  notices: View['notices'];
  outcome: View['outcome'];
}

/** An application as services read it: the row with its JSON columns typed (cast here, once). */
export type ApplicationWithDetails = Omit<ApplicationRow, keyof TypedColumns> & TypedColumns;

export function toApplicationRecord(row: ApplicationRow): ApplicationWithDetails {
  return {
    ...row,
    status: row.status as ApplicationStatus,
    plan: row.plan as PlanStep[],
    facts: row.facts as DeclaredFacts,
    attestations: row.attestations as View['attestations'],
    decisions: row.decisions as unknown as Record<string, RecordedDecision>,
    eligibility: row.eligibility as View['eligibility'],
    banChecks: row.banChecks as View['banChecks'],
    publicity: (row.publicity as View['publicity'] | null) ?? null,
    recommendation: (row.recommendation as View['recommendation'] | null) ?? null,
    notices: row.notices as View['notices'],
    outcome: (row.outcome as View['outcome'] | null) ?? null,
  };
}

/** An application as answered (the applicant's identity numbers never appear here). */
export function toApplicationView(row: ApplicationWithDetails): View {
  return {
    id: row.id,
    applicant: {
      id: row.applicant.id,
      kind: row.applicant.kind as View['applicant']['kind'],
      name: row.applicant.name,
    },
    cycle: { number: row.cycleNumber, year: row.cycleYear },
    policy: { key: row.policyKey, version: row.policyVersion },
    plan: row.plan,
    status: row.status,
    stage: row.stage,
    held: row.objectionsPending > 0,
    objectionsPending: row.objectionsPending,
    facts: row.facts,
    attestations: row.attestations,
    eligibility: row.eligibility,
    banChecks: row.banChecks,
    recommender: row.recommender ? { id: row.recommender.id, name: row.recommender.name } : null,
    publicity: row.publicity,
    recommendation: row.recommendation,
    notices: row.notices,
    outcome: row.outcome,
    history: row.history.map((h) => ({
      action: h.action,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      basis: h.basis,
      actor: h.actor,
      at: h.at.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

/** An application as lists show it: without its history. */
export function toApplicationListItem(row: ApplicationWithDetails): Omit<View, 'history'> {
  const { history: _history, ...view } = toApplicationView(row);
  return view;
}
