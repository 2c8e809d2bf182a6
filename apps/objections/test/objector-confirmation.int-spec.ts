import { randomUUID } from 'node:crypto';
import {
  findingRecord,
  investigatorAssign,
  type MessageContract,
  objectionAdmit,
  objectionConfirm,
  objectionDecide,
  objectionGet,
  objectionResult,
  objectionRulesPut,
  objectionTrack,
  type RequestOf,
} from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import {
  asPublic,
  asRole,
  launchRules,
  objectionOnNewNotice,
  type StartedObjections,
  startObjections,
} from './objections.util';

/** linxia 第二十三条: the result is told to the objector in writing, for confirmation; ili asks for none. */
describe('the objector confirms the written result', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  const clock = new TestClock('2026-09-28T02:00:00Z');
  const linxia = randomUUID();
  const ili = randomUUID();
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context: ReturnType<typeof asRole>) =>
    started.service.runtime.client.request(contract, payload, { context });

  const objectionOf = (tenant: string) => objectionOnNewNotice(started, tenant, { publishedOn: '2026-09-28' });
  const decide = async (tenant: string, id: string) => {
    const office = asRole(tenant);
    await request(objectionAdmit, { id }, office);
    await request(investigatorAssign, { id, name: '王五', declaration: { hasInterest: false } }, office);
    await request(findingRecord, { id, text: '经核查，所反映事故系他单位所为。' }, office);
    await request(
      objectionDecide,
      { id, outcome: 'dismissed', prohibitedGround: false, reasons: '反映情况不属实。' },
      office,
    );
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await request(objectionRulesPut, launchRules('linxia'), asRole(linxia));
    await request(objectionRulesPut, launchRules('ili'), asRole(ili));
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  it('linxia: asked once decided; a dispute needs a reason; the answer is recorded once and the office sees it', async () => {
    const { id, receiptNumber, token } = await objectionOf(linxia);
    const answer = (response: 'confirmed' | 'disputed', comment?: string) =>
      request(objectionConfirm, { receiptNumber, token, response, ...(comment ? { comment } : {}) }, asPublic(linxia));

    await expect(answer('confirmed')).rejects.toMatchObject({ code: 'conflict' });
    await decide(linxia, id);
    // The receipt number alone (staff see it) does not answer for the objector.
    const forged = { receiptNumber, token: 'x'.repeat(43), response: 'confirmed' as const };
    await expect(request(objectionConfirm, forged, asPublic(linxia))).rejects.toMatchObject({ code: 'not_found' });

    const tracked = await request(objectionTrack, { receiptNumber }, asPublic(linxia));
    expect(tracked.result?.confirmation).toEqual({ requested: true, response: null, at: null });
    expect(tracked.result?.letter).toContain('确认');

    await expect(answer('disputed')).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'body.comment' }],
    });
    const comment = '调查未询问我方提供的证人，不认可该结论。';
    const answered = await answer('disputed', comment);
    expect(answered.result?.confirmation).toMatchObject({ requested: true, response: 'disputed' });
    // The same answer again is answered as recorded; another is refused.
    expect((await answer('disputed', comment)).result?.confirmation.response).toBe('disputed');
    await expect(answer('confirmed')).rejects.toMatchObject({ code: 'conflict' });

    const seen = await request(objectionGet, { id }, asRole(linxia));
    expect(seen.outcome?.confirmation).toMatchObject({ requested: true, response: 'disputed', comment });
    const [audit] = await started.service.runtime.database.system.$queryRawUnsafe<{ basis: string; after: unknown }[]>(
      `SELECT basis, after FROM audit_entry WHERE action = 'objection.objector-response' AND target_id = $1`,
      id,
    );
    // The comment may name people: it stays out of the audit trail.
    expect(audit).toEqual({ basis: 'linxia 第二十三条', after: { response: 'disputed' } });
  });

  it('ili: the regulation asks for no confirmation', async () => {
    const { id, receiptNumber, token } = await objectionOf(ili);
    await decide(ili, id);
    const tracked = await request(objectionTrack, { receiptNumber }, asPublic(ili));
    expect(tracked.result?.confirmation).toEqual({ requested: false, response: null, at: null });
    await expect(
      request(objectionConfirm, { receiptNumber, token, response: 'confirmed' }, asPublic(ili)),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('linxia 第二十三条 tells the result to the objector only: a recommender cannot read it (ili 第二十一条 would)', async () => {
    const { id } = await objectionOf(linxia);
    await decide(linxia, id);

    await expect(request(objectionResult, { id }, asRole(linxia, ['recommender']))).rejects.toMatchObject({
      code: 'forbidden',
      basis: 'linxia 第二十三条',
    });
    // Not a recommender at all: nothing to see.
    await expect(request(objectionResult, { id }, asRole(linxia, ['office']))).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
