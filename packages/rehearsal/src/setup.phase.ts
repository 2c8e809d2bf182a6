import type { CycleContext } from './cycle-context';

const PASSWORD = 'rehearsal-password-1';

/** The staff of a rehearsed jurisdiction, by role (the accounts are `<key>-<role>`). */
const STAFF = ['office', 'leading_group', 'finance'] as const;

/**
 * The jurisdiction from its policy document, its staff, a recommending department with its account where the text has
 * a recommendation step (none is made up where it has not), and the cycle opened today for the policy's cycle length.
 */
export async function setUp(context: CycleContext, divisionCode: string, operatorToken: string): Promise<void> {
  const { client, policy } = context;
  const tenant = await client.expect(201, 'POST', '/tenants', {
    token: operatorToken,
    body: { divisionCode, policy },
  });
  context.record('jurisdiction created from its policy', `${policy.name.zh} v${policy.version}`, tenant, {
    tenantId: tenant.id,
  });
  const recommends = policy.procedure.stages.some((stage) => stage.kind === 'recommendation');
  const roles = recommends ? ([...STAFF, 'recommender'] as const) : STAFF;
  for (const role of roles) {
    const username = `${context.key}-${role}`.replace(/_/g, '-');
    const user = await client.expect(201, 'POST', context.api('/users'), {
      token: operatorToken,
      body: { username, password: PASSWORD, displayName: username, roles: [role] },
    });
    context.userIds[role] = user.id as string;
    context.tokens[role] = await client.login(username, PASSWORD);
  }
  context.record('staff accounts', roles.join(', '), undefined, {}, null);

  const opensOn = context.clock.today;
  context.cycleYear = Number(opensOn.slice(0, 4));
  context.cycleOpensOn = opensOn;
  const cycle = await client.expect(201, 'POST', context.api('/cycles'), {
    token: context.token('office'),
    body: { year: context.cycleYear, opensOn, closesOn: addMonths(opensOn, 3) },
  });
  context.cycleNumber = cycle.number as number;
  context.record(`cycle ${context.cycleNumber} opened`, `${context.cycleYear}, ${opensOn}`, cycle, {
    number: cycle.number,
  });
  if (!recommends) return;
  const recommender = await client.expect(201, 'POST', context.api('/recommenders'), {
    token: context.token('office'),
    body: { name: `${policy.name.zh} 推荐部门`, kind: 'department', userIds: [context.userIds.recommender] },
  });
  context.recommenderId = recommender.id as string;
  context.record('recommending department registered', recommender.name as string, recommender);
}

export const addMonths = (date: string, months: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
