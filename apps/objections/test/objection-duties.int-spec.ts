import { randomUUID } from 'node:crypto';
import {
  findingRecord,
  investigatorAssign,
  type MessageContract,
  objectionAdmit,
  objectionContactReveal,
  objectionDecide,
  objectionGet,
  objectionList,
  objectionRulesPut,
  type RequestOf,
} from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import { asRole, launchRules, objectionOnNewNotice, type StartedObjections, startObjections } from './objections.util';

/**
 * Who acts on an objection is the regulation's: in xinzhou-city the supervision group receives objections
 * (第二十七条) and the leading group decides them (第六条); in ili the office does both (第十八条–第二十一条).
 */
describe('objections: the roles the regulation gives each duty', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  const clock = new TestClock('2026-09-28T02:00:00Z');
  const xinzhou = randomUUID();
  const ili = randomUUID();
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context: ReturnType<typeof asRole>) =>
    started.service.runtime.client.request(contract, payload, { context });

  const fileOn = (tenant: string) =>
    objectionOnNewNotice(started, tenant, { publishedOn: '2026-09-28', reader: ['supervisor'] });

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await request(objectionRulesPut, launchRules('xinzhou-city'), asRole(xinzhou));
    await request(objectionRulesPut, launchRules('ili'), asRole(ili));
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  it('xinzhou-city: the supervision group examines and investigates, the leading group decides, the office neither', async () => {
    const { id } = await fileOn(xinzhou);
    const office = asRole(xinzhou, ['office']);
    const supervisor = asRole(xinzhou, ['supervisor']);
    const leadingGroup = asRole(xinzhou, ['leading_group']);

    await expect(request(objectionAdmit, { id }, office)).rejects.toMatchObject({
      code: 'forbidden',
      basis: 'xinzhou-city 第六条; 第二十七条',
      detail: { zh: expect.stringContaining('监督组') },
    });
    expect((await request(objectionAdmit, { id }, supervisor)).status).toBe('admitted');

    await expect(
      request(investigatorAssign, { id, name: '王五', declaration: { hasInterest: false } }, leadingGroup),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await request(investigatorAssign, { id, name: '王五', declaration: { hasInterest: false } }, supervisor);
    await request(findingRecord, { id, text: '经核查，事故属实。' }, supervisor);

    const decision = { id, outcome: 'upheld' as const, prohibitedGround: true, reasons: '查证属实。' };
    await expect(request(objectionDecide, decision, supervisor)).rejects.toMatchObject({
      code: 'forbidden',
      detail: { zh: expect.stringContaining('领导小组') },
    });
    await expect(request(objectionDecide, decision, office)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await request(objectionDecide, decision, leadingGroup)).status).toBe('upheld');

    // Reading them, with the objector's name and address: the bodies that handle or oversee them, not the office.
    await expect(request(objectionGet, { id }, office)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(request(objectionList, {}, office)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await request(objectionGet, { id }, leadingGroup)).id).toBe(id);

    // The objector's contact details: for the bodies that handle the objection, not the office.
    const reason = '书面告知处理结果';
    await expect(request(objectionContactReveal, { id, reason }, office)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await request(objectionContactReveal, { id, reason }, leadingGroup)).toMatchObject({ name: '张三' });
  });

  it('ili: the office examines and decides; the supervisor does not; the leading group does not read them', async () => {
    const { id } = await fileOn(ili);
    await expect(request(objectionAdmit, { id }, asRole(ili, ['supervisor']))).rejects.toMatchObject({
      code: 'forbidden',
      basis: 'ili 第十八条',
    });
    expect((await request(objectionAdmit, { id }, asRole(ili, ['office']))).status).toBe('admitted');
    // The leading group has no part in ili's objections: it does not read them either.
    await expect(request(objectionGet, { id }, asRole(ili, ['leading_group']))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
