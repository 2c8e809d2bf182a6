import { randomUUID } from 'node:crypto';
import {
  type CertificateView,
  certificateDocument,
  certificateIssue,
  certificateVerify,
  createProgramme,
  type DomainError,
  openCycle,
  titleGet,
  titleReEvaluate,
} from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { eventually, extractPdfTextCompact, TestClock, TestInfrastructure } from '@laurel/testing';
import { CommendationDecisionRepository } from '../src/commendation/commendation.repository';
import { CycleRepository } from '../src/cycle/cycle.repository';
import { ProgrammeRepository } from '../src/programme/programme.repository';
import { TitleReader } from '../src/title/title.reader';
import { type AwardsService, as, auditEntries, caller, launchDocument, startAwards } from './awards.util';

/**
 * Certificates and the end of a title's validity, through the awards service over NATS on a test clock. The titles
 * are recorded by the service's commendation repository, as the approval records them (see `grant`).
 */
describe('awards: certificates, public verification, expiry and re-evaluation', () => {
  let infra: TestInfrastructure;
  let sut: AwardsService;
  const call = caller(() => sut);
  const clock = new TestClock('2026-12-01T02:00:00Z');
  const linxia = randomUUID();
  const district = randomUUID();
  const other = randomUUID();
  const titles = { linxia: '', district: '', individual: '' };
  let linxiaCertificate: CertificateView;
  let districtCertificate: CertificateView;

  const moveTo = async (instant: string) => {
    await clock.set(instant);
    await sut.runtime.jobs.reschedule();
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e as DomainError,
    );

  type Winner = { key: keyof typeof titles; kind: 'organisation' | 'individual'; name: string; validUntil: string };

  /**
   * The tenant's commendation decision of cycle 1 and its titles, recorded by the awards service's own repository as
   * the approval records them (the service's approval also asks the applications service for each winner's credit
   * code; this suite does not run it, the gateway e2e post-award grants through the route). The cycle is opened
   * through the service; each title gets its validity as the approval computes it.
   */
  const grant = async (tenantId: string, winners: Winner[], basis: string) => {
    await call(openCycle, { year: 2026, opensOn: '2026-11-01', closesOn: '2026-11-30' }, as(tenantId));
    const granted = await RequestContexts.run(as(tenantId), () =>
      sut.runtime.database.inTenant(async (tx) => {
        const programme = await sut.app.get(ProgrammeRepository).current(tx);
        const cycle = programme && (await sut.app.get(CycleRepository).byNumber(tx, programme.id, 1));
        if (!cycle) throw new Error('cycle 1 was not opened');
        const decision = await sut.app.get(CommendationDecisionRepository).create(tx, {
          cycleNumber: 1,
          cycleId: cycle.id,
          year: 2026,
          policyVersion: cycle.policyVersion.version,
          approvingBody: '县人民政府',
          documentNumber: '政发〔2026〕18号',
          decidedOn: new Date('2026-11-28T00:00:00Z'),
          basis: '第二十七条',
          quotaExceedances: [],
          recordedBy: 'office',
          recordedAt: clock.now(),
          titles: winners.map((winner) => ({
            applicationId: randomUUID(),
            applicantId: randomUUID(),
            applicantKind: winner.kind,
            applicantName: winner.name,
            creditCode: winner.kind === 'organisation' ? '91622921MA71XXXX1K' : null,
            tier: 'award',
            validFrom: new Date('2026-12-01T00:00:00Z'),
            validUntil: new Date(`${winner.validUntil}T00:00:00Z`),
            validityBasis: basis,
          })),
        });
        if (!decision) throw new Error('cycle 1 has a decision already');
        return sut.app.get(TitleReader).ofDecision(tx, decision.id);
      }),
    );
    for (const winner of winners) {
      const title = granted.find((row) => row.applicantName === winner.name);
      if (!title) throw new Error(`no title for ${winner.name}`);
      titles[winner.key] = title.id;
    }
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startAwards(infra, clock);
    await call(createProgramme, { tenantKey: 'linxia', policy: launchDocument('linxia') }, as(linxia, 'operator'));
    await call(
      createProgramme,
      { tenantKey: 'xinzhou-district', policy: launchDocument('xinzhou-district') },
      as(district, 'operator'),
    );
    await call(createProgramme, { tenantKey: 'ili', policy: launchDocument('ili') }, as(other, 'operator'));
    await grant(
      linxia,
      [
        { key: 'linxia', kind: 'organisation', name: '临夏县某某食品有限公司', validUntil: '2031-11-30' },
        { key: 'individual', kind: 'individual', name: '马晓东', validUntil: '2031-11-30' },
      ],
      '第五条',
    );
    await grant(
      district,
      [{ key: 'district', kind: 'organisation', name: '信州区某某光电有限公司', validUntil: '2029-11-30' }],
      '第五条',
    );
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('issues one numbered certificate per title; a second issue answers the same number', async () => {
    linxiaCertificate = await call(certificateIssue, { titleId: titles.linxia }, as(linxia));
    expect(linxiaCertificate.number).toMatch(/^2026-0001-[2-9A-HJKMNP-Z]{6}$/);
    expect(linxiaCertificate.verifyPath).toBe(`/p/linxia/certificates/${linxiaCertificate.number}`);
    expect(await call(certificateIssue, { titleId: titles.linxia }, as(linxia))).toEqual(linxiaCertificate);
    const second = await call(certificateIssue, { titleId: titles.individual }, as(linxia));
    expect(second.sequence).toBe(2);
    // Each tenant counts its own year from 1.
    districtCertificate = await call(certificateIssue, { titleId: titles.district }, as(district));
    expect(districtCertificate.sequence).toBe(1);
    const audit = (await auditEntries(sut, linxia)).filter((entry) => entry.action === 'certificate.issued');
    expect(audit).toHaveLength(2);
  });

  it('renders the certificate as a PDF whose Chinese text extracts: winner, award, 文号, use rules, QR caption', async () => {
    const document = await call(
      certificateDocument,
      { titleId: titles.linxia, publicOrigin: 'https://zlj.linxia.example' },
      as(linxia),
    );
    expect(document.filename).toBe(`certificate-${linxiaCertificate.number}.pdf`);
    const { text } = await extractPdfTextCompact(Buffer.from(document.contentBase64, 'base64'));
    for (const phrase of [
      '荣誉证书',
      `证书编号：${linxiaCertificate.number}`,
      '临夏县某某食品有限公司',
      '荣获2026年度临夏县人民政府质量奖（县政府质量奖）',
      '2026年12月1日至2031年11月30日（第五条）',
      '县人民政府政发〔2026〕18号',
      '称号使用规定（第三十三条）',
      '不得用于产品、服务的标识',
      `https://zlj.linxia.example/p/linxia/certificates/${linxiaCertificate.number}`,
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('the public verification says valid and shows no personal data; an individual’s given name is masked', async () => {
    const answer = await call(certificateVerify, { number: linxiaCertificate.number }, as(linxia));
    expect(answer).toMatchObject({
      verdict: 'valid',
      holder: { kind: 'organisation', name: '临夏县某某食品有限公司' },
      tier: 'award',
      year: 2026,
      validUntil: '2031-11-30',
      decision: null,
      checkedOn: '2026-12-01',
    });
    expect(JSON.stringify(answer)).not.toContain('91622921MA71XXXX1K');
    const person = await call(
      certificateVerify,
      { number: (await call(certificateIssue, { titleId: titles.individual }, as(linxia))).number },
      as(linxia),
    );
    expect(person.holder).toEqual({ kind: 'individual', name: '马**' });
  });

  it('another tenant sees nothing: not the certificate by number, not the title', async () => {
    expect(await refusal(call(certificateVerify, { number: linxiaCertificate.number }, as(other)))).toMatchObject({
      code: 'not_found',
    });
    expect(await refusal(call(certificateIssue, { titleId: titles.linxia }, as(other)))).toMatchObject({
      code: 'not_found',
    });
  });

  it('bad input is refused naming the field', async () => {
    const bad = await refusal(call(certificateVerify, { number: '2026-0001-OOOOOO' }, as(linxia)));
    expect(bad).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(bad)).toContain('number');
    const early = await refusal(
      call(
        titleReEvaluate,
        { titleId: titles.linxia, outcome: 'keep', reason: '复评合格', validUntil: '2036-11-30' },
        as(linxia),
      ),
    );
    expect(early).toMatchObject({ code: 'conflict', extensions: { field: 'outcome', reason: 'not_allowed_in_state' } });
  });

  it('xinzhou-district 第五条: the title lapses after 3 years, even after Redis lost its job; the page says expired', async () => {
    await infra.flushRedis();
    await moveTo('2029-11-30T15:00:00Z'); // 2029-11-30 23:00 Asia/Shanghai: the last valid day
    expect((await call(certificateVerify, { number: districtCertificate.number }, as(district))).verdict).toBe('valid');
    await moveTo('2029-11-30T16:00:00Z'); // 2029-12-01 00:00
    await eventually(async () =>
      expect((await call(certificateVerify, { number: districtCertificate.number }, as(district))).verdict).toBe(
        'expired',
      ),
    );
    const title = await call(titleGet, { titleId: titles.district }, as(district));
    expect(title.history.at(-1)).toMatchObject({ action: 'expire', from: 'active', to: 'expired', basis: '第五条' });
  });

  it('linxia 第五条: at 5 years the title goes to re-evaluation; the office requires rectification by a date, then takes it', async () => {
    await moveTo('2031-11-30T16:00:00Z'); // 2031-12-01 00:00 Asia/Shanghai
    await eventually(async () =>
      expect((await call(titleGet, { titleId: titles.linxia }, as(linxia))).status).toBe('under_re_evaluation'),
    );
    // Still held while it is re-evaluated.
    expect((await call(certificateVerify, { number: linxiaCertificate.number }, as(linxia))).verdict).toBe('valid');
    // The office decides the next morning (the history orders changes by time).
    await moveTo('2031-12-02T02:00:00Z');

    const missing = await refusal(
      call(
        titleReEvaluate,
        { titleId: titles.linxia, outcome: 'require_rectification', reason: '自评报告缺失两年' },
        as(linxia),
      ),
    );
    expect(missing).toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'rectifyBy' })],
    });
    const rectifying = await call(
      titleReEvaluate,
      { titleId: titles.linxia, outcome: 'require_rectification', reason: '自评报告缺失两年', rectifyBy: '2032-03-31' },
      as(linxia),
    );
    expect(rectifying).toMatchObject({ status: 'rectifying', rectifyBy: '2032-03-31' });

    await moveTo('2032-04-02T02:00:00Z');
    const lost = await call(
      titleReEvaluate,
      { titleId: titles.linxia, outcome: 'lose', reason: '整改后仍不能达到要求' },
      as(linxia),
    );
    expect(lost.status).toBe('lost');
    expect(lost.history.map((change) => change.action)).toEqual([
      'grant',
      'open_re_evaluation',
      'require_rectification',
      'lose',
    ]);
    expect(await call(certificateVerify, { number: linxiaCertificate.number }, as(linxia))).toMatchObject({
      verdict: 'lost',
      decision: { kind: 'lost_at_re_evaluation', decidedOn: '2032-04-02', basis: '第五条' },
    });
  });

  it('a kept title gets the office’s new last day and expires again from it', async () => {
    await eventually(async () =>
      expect((await call(titleGet, { titleId: titles.individual }, as(linxia))).status).toBe('under_re_evaluation'),
    );
    const kept = await call(
      titleReEvaluate,
      { titleId: titles.individual, outcome: 'keep', reason: '复评合格，继续保留称号', validUntil: '2037-04-01' },
      as(linxia),
    );
    expect(kept).toMatchObject({ status: 'active', validUntil: '2037-04-01' });
    await moveTo('2037-04-01T16:00:00Z'); // 2037-04-02 00:00 Asia/Shanghai
    await eventually(async () =>
      expect((await call(titleGet, { titleId: titles.individual }, as(linxia))).status).toBe('under_re_evaluation'),
    );
  });
});
