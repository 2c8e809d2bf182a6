import type { ApplicationStatus, ApplicationView } from '@laurel/contracts';
import type { ApplicationWithDetails } from './application.repository';

type View = ApplicationView;

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
    plan: row.plan as View['plan'],
    status: row.status as ApplicationStatus,
    stage: row.stage,
    held: row.objectionsPending > 0,
    objectionsPending: row.objectionsPending,
    facts: row.facts as View['facts'],
    attestations: row.attestations as View['attestations'],
    eligibility: row.eligibility as View['eligibility'],
    banChecks: row.banChecks as View['banChecks'],
    recommender: row.recommender ? { id: row.recommender.id, name: row.recommender.name } : null,
    publicity: (row.publicity as View['publicity']) ?? null,
    recommendation: (row.recommendation as View['recommendation']) ?? null,
    notices: row.notices as View['notices'],
    outcome: (row.outcome as View['outcome']) ?? null,
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
