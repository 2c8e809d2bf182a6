import { randomUUID } from 'node:crypto';
import { creditCodeFor, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, startApplicationsPlatform } from './applications.util';

const API = '/api/v1/tenants/inner-mongolia';

/**
 * inner-mongolia 第十三条 through the real services: at the re-check (复核), before review and long before any candidate
 * list, the office asks the industry departments concerned (征询自治区有关行业行政主管部门意见); the text names none, so
 * the office names each with its reason. The request is about an application of the cycle as the applications
 * service knows it; an id the cycle does not have is refused naming the field; the department's account answers.
 */
describe('awards: clearance at the re-check (inner-mongolia 第十三条)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  let office: string;
  let industry: { id: string; token: string };
  let applicationId: string;
  let departmentId: string;

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['inner-mongolia'] });
    office = (await sut.addUser('inner-mongolia', 'nm-office', ['office'])).token;
    industry = await sut.addUser('inner-mongolia', 'nm-industry', ['department']);
    const cycle = await sut.call('POST', `${API}/cycles`, {
      token: office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    expect(cycle.status).toBe(201);
    const applicant = await sut.call('POST', `${API}/applicants`, {
      token: office,
      body: {
        kind: 'organisation',
        name: '内蒙古某某乳业股份有限公司',
        creditCode: creditCodeFor(71),
        legalForm: 'legal_person',
        organisationType: 'enterprise',
      },
    });
    expect(applicant.status).toBe(201);
    const application = await sut.call('POST', `${API}/applications`, {
      token: office,
      body: {
        applicantId: applicant.body.id,
        cycleNumber: 1,
        facts: { registeredInJurisdiction: true, yearsOperating: 8, qualitySystemYears: 3, incidents: [] },
      },
    });
    expect(application.status).toBe(201);
    applicationId = application.body.id as string;
    const department = await sut.call('POST', `${API}/departments`, {
      token: office,
      body: { key: 'agriculture', name: '内蒙古自治区农牧厅', userIds: [industry.id] },
    });
    expect(department.status).toBe(201);
    departmentId = department.body.id as string;
  });
  afterAll(async () => {
    await sut?.close();
  });

  const open = (id: string, others = [{ departmentId, reason: '申报单位所属行业主管部门' }]) =>
    sut.call('POST', `${API}/cycles/1/clearance`, {
      token: office,
      body: { applicationId: id, category: 'enterprise', dueOn: '2026-12-04', others },
    });

  it('the office must name the departments: the text names none', async () => {
    const none = await open(applicationId, []);
    expect(none.status).toBe(422);
    expect(JSON.stringify(none.body)).toContain('body.others');
  });

  it('an application the cycle does not have is refused naming the field', async () => {
    const unknown = await open(randomUUID());
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('body.applicationId');
  });

  it('an application at the re-check, before any candidate list: the department is asked, citing 第十三条, and answers', async () => {
    const opened = await open(applicationId);
    expect(opened.status).toBe(201);
    const [request] = opened.body.items as Record<string, unknown>[];
    expect(request).toMatchObject({
      applicationId,
      applicantName: '内蒙古某某乳业股份有限公司',
      basis: expect.stringContaining('inner-mongolia 第十三条'),
    });
    const answered = await sut.call('POST', `${API}/clearance-requests/${request?.id}/answer`, {
      token: industry.token,
      body: { outcome: 'clear' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'cleared' });
  });
});
