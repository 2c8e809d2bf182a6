import { createHash, randomBytes } from 'node:crypto';
import { TestClock } from '@laurel/testing';

import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

const ORG = { kind: 'organisation', name: '伊犁报告公司', creditCode: '91110000600037341L', legalForm: 'legal_person' };
const ELIGIBLE_FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

/**
 * Materials larger than one NATS message (1 MiB): the file itself as the request body, handed to the applications
 * service through the blob store (JetStream object store), and streamed back the same way on download.
 */
describe('large application materials through the gateway (ili)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/ili';
  let token: string;
  let applicationId: string;
  const materials = () => `${sut.gateway.url}${api}/applications/${applicationId}/materials`;
  const raw = (url: string, bytes: Buffer, contentType = 'application/pdf', method = 'POST') =>
    fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'accept-language': 'en' },
      body: bytes,
    });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
    const office = await sut.addUser('ili', 'office', ['office']);
    token = (await sut.addUser('ili', 'org-a', ['applicant'])).token;
    expect(
      (
        await sut.call('POST', `${api}/cycles`, {
          token: office.token,
          body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
        })
      ).status,
    ).toBe(201);
    await sut.objectionRulesReady('ili', office.token);
    expect((await sut.call('POST', `${api}/applicants`, { token, body: ORG })).status).toBe(201);
    const created = await sut.call('POST', `${api}/applications`, {
      token,
      body: { cycleNumber: 1, facts: ELIGIBLE_FACTS },
    });
    applicationId = created.body.id as string;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('uploads a 5 MB PDF as the raw body and downloads it byte for byte with its SHA-256', async () => {
    const report = pdf(5 * 1024 * 1024 + 123);
    const title = '自评报告（全文）';
    const uploaded = await raw(
      `${materials()}?title=${encodeURIComponent(title)}&filename=${encodeURIComponent('自评报告.pdf')}&tradeSecret=true`,
      report,
    );
    const body = (await uploaded.json()) as Json;
    expect(uploaded.status).toBe(201);
    expect(body).toMatchObject({
      title,
      tradeSecret: true,
      versions: [{ version: 1, filename: '自评报告.pdf', size: report.length, sha256: sha256(report) }],
    });

    const downloaded = await fetch(`${materials()}/${body.id as string}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('x-content-sha256')).toBe(sha256(report));
    const bytes = Buffer.from(await downloaded.arrayBuffer());
    expect(bytes.length).toBe(report.length);
    expect(sha256(bytes)).toBe(sha256(report));

    // Replaced the same way: version 1 (never submitted) in place, the new bytes back.
    const corrected = pdf(2 * 1024 * 1024);
    const replaced = await raw(
      `${materials()}/${body.id as string}?filename=report-v2.pdf`,
      corrected,
      'application/pdf',
      'PUT',
    );
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as Json).versions).toEqual([
      expect.objectContaining({ filename: 'report-v2.pdf', size: corrected.length, sha256: sha256(corrected) }),
    ]);
    const again = await fetch(`${materials()}/${body.id as string}`, { headers: { authorization: `Bearer ${token}` } });
    expect(sha256(Buffer.from(await again.arrayBuffer()))).toBe(sha256(corrected));
  });

  it('runs the same intake checks on a raw body: type by bytes, the service’s size limit, metadata', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const disguised = await raw(`${materials()}?title=x&filename=scan.pdf`, Buffer.concat([png, randomBytes(800_000)]));
    expect(disguised.status).toBe(400);
    expect(((await disguised.json()) as Json).errors).toEqual([
      expect.objectContaining({ field: 'header.Content-Type', reason: expect.stringMatching(/does not match/) }),
    ]);

    // Above LAUREL_APPLICATIONS_MAX_FILE_BYTES (10 MiB), below the gateway's upload limit (20 MiB).
    const big = await raw(`${materials()}?title=x&filename=big.pdf`, pdf(11 * 1024 * 1024));
    expect(big.status).toBe(400);
    expect(((await big.json()) as Json).errors).toEqual([
      expect.objectContaining({ field: 'body', reason: expect.stringMatching(/too large/) }),
    ]);

    const noTitle = await raw(`${materials()}?filename=a.pdf`, pdf(2048));
    expect(noTitle.status).toBe(400);
    expect(((await noTitle.json()) as Json).errors).toEqual([expect.objectContaining({ field: 'query.title' })]);
  });

  it('refuses a body above the upload limit with problem+json 413 naming the body', async () => {
    const refused = await raw(`${materials()}?title=x&filename=huge.pdf`, pdf(21 * 1024 * 1024));
    expect(refused.status).toBe(413);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await refused.json()) as Json).errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('reads no raw body for a caller who is not signed in (401 before a byte is buffered)', async () => {
    for (const authorization of [undefined, 'Bearer forged.token.value']) {
      const refused = await fetch(`${materials()}?title=x&filename=a.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', ...(authorization ? { authorization } : {}) },
        body: pdf(8 * 1024 * 1024),
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('keeps the JSON form for small files, and binary bodies off other routes', async () => {
    const small = pdf(4096);
    const uploaded = await sut.call('POST', `${api}/applications/${applicationId}/materials`, {
      token,
      body: {
        title: '小文件',
        file: { filename: 'small.pdf', contentType: 'application/pdf', contentBase64: small.toString('base64') },
      },
    });
    expect(uploaded.status).toBe(201);
    const downloaded = await fetch(`${materials()}/${uploaded.body.id as string}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(small)).toBe(true);

    const elsewhere = await raw(`${sut.gateway.url}${api}/applicants`, pdf(2048));
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
