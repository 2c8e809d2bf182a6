import { creditCodeFor, idNumberFor } from './identity-numbers.util';

type Body = Record<string, unknown>;

/**
 * Test applicants of a tenant, as the body of `POST /api/v1/tenants/{tenant}/applicants`: numbered, so that each is
 * unique in a run, and admitted by every launch policy (an independent legal person, an enterprise; an individual
 * with years of quality work). `overrides` changes what a test is about.
 */
export function anOrganisation(tenant: string, n: number, overrides: Body = {}): Body {
  return {
    kind: 'organisation',
    name: `${tenant} 测试组织 ${n}`,
    creditCode: creditCodeFor(n),
    legalForm: 'legal_person',
    organisationType: 'enterprise',
    ...overrides,
  };
}

export function anIndividual(tenant: string, n: number, overrides: Body = {}): Body {
  return {
    kind: 'individual',
    name: `${tenant} 测试个人 ${n}`,
    idNumber: idNumberFor(n),
    yearsInQualityWork: 5,
    ...overrides,
  };
}

/** Declared facts that meet every launch policy's conditions (registered there, 8 years, no incident). */
export function eligibleFacts(_tenant: string, overrides: Body = {}): Body {
  return { registeredInJurisdiction: true, yearsOperating: 8, incidents: [], ...overrides };
}

/** The body of `POST /api/v1/tenants/{tenant}/applications` for a registered applicant, in cycle 1 by default. */
export function anApplication(tenant: string, applicantId: string, overrides: Body = {}): Body {
  return { applicantId, cycleNumber: 1, facts: eligibleFacts(tenant), ...overrides };
}
