import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@laurel/calendar';
import { type CertificateVerification, type CertificateView, DomainError } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, renderPdf } from '@laurel/platform';
import { titleUseRules } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { HolderAccess } from '../holder/holder-access.service';
import { ProgrammeRepository } from '../programme/programme.repository';
import { TITLE_HOLDING_STATES } from '../title/title.lifecycle';
import { toTitleView } from '../title/title.mapper';
import { TitleReader } from '../title/title.reader';
import { TitlePolicies } from '../title-expiry/title-policies.service';
import { toCertificateView } from './certificate.mapper';
import { CertificateRepository, type CertificateRow } from './certificate.repository';
import { certificateDocument } from './certificate-document.util';
import { certificateVerifyPath, formatCertificateNumber, newCheckCode } from './certificate-number.util';
import { certificateVerdict, endingDecision, publicHolderName } from './certificate-verdict.util';

const noTitle = () => DomainError.notFound({ zh: '没有这个称号', en: 'No such title' });
const noCertificate = () => DomainError.notFound({ zh: '该称号尚未颁发证书', en: 'The title has no certificate yet' });

/**
 * Certificates (证书) of titles: issued once per title with a public number, rendered as a PDF with a QR code to the
 * public page, and verified by number (valid, expired, lost or revoked, from the title's state).
 */
@Injectable()
export class CertificateService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly certificates: CertificateRepository,
    private readonly titles: TitleReader,
    private readonly programmes: ProgrammeRepository,
    private readonly policies: TitlePolicies,
    private readonly access: HolderAccess,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Issues the title's certificate; a title that already has one answers it (the same number, never a second). */
  async issue(titleId: string): Promise<CertificateView> {
    const existing = await this.database.inTenant((tx) => this.certificates.ofTitle(tx, titleId));
    if (existing) return this.view(existing);
    try {
      return await this.database.inTenant(async (tx) => {
        const title = await this.titles.byId(tx, titleId);
        if (!title) throw noTitle();
        if (!TITLE_HOLDING_STATES.includes(title.status)) {
          throw DomainError.conflict(
            {
              zh: `称号状态为“${title.status}”，不能颁发证书`,
              en: `A title in state ${title.status} gets no certificate`,
            },
            { field: 'titleId', reason: 'title_not_held' },
          );
        }
        const sequence = await this.certificates.nextSequence(tx, title.year);
        const checkCode = newCheckCode();
        const row = await this.certificates.create(tx, {
          id: randomUUID(),
          titleId,
          number: formatCertificateNumber(title.year, sequence, checkCode),
          year: title.year,
          sequence,
          checkCode,
          issuedAt: this.clock.now(),
          issuedBy: acting().label,
        });
        await this.audit.record(tx, {
          action: 'certificate.issued',
          targetType: 'title',
          targetId: titleId,
          after: { number: row.number },
        });
        return this.view(row, tx);
      });
    } catch (error) {
      // Two issues of one title at once: the unique title id keeps one, the other answers it.
      const raced = await this.database.inTenant((tx) => this.certificates.ofTitle(tx, titleId));
      if (raced) return this.view(raced);
      throw error;
    }
  }

  async get(titleId: string): Promise<CertificateView> {
    const row = await this.readable(titleId);
    return this.view(row);
  }

  /** The certificate as a PDF, for the office or the title's holder. */
  async document(titleId: string, publicOrigin: string) {
    const row = await this.readable(titleId);
    const { policy, tenantKey } = await this.database.inTenant((tx) =>
      this.policies.withKey(tx, row.title.policyVersion),
    );
    const tier = policy.tiers.find((candidate) => candidate.key === row.title.tier);
    const pdf = await renderPdf(
      certificateDocument({
        number: row.number,
        programmeName: policy.name.zh,
        tierName: tier?.name.zh ?? row.title.tier,
        holderName: row.title.applicantName,
        year: row.title.year,
        cycleNumber: row.title.cycleNumber,
        validFrom: dateColumn.toIso(row.title.validFrom),
        validUntil: row.title.validUntil ? dateColumn.toIso(row.title.validUntil) : null,
        validityBasis: row.title.validityBasis,
        decision: {
          approvingBody: row.title.decision.approvingBody,
          documentNumber: row.title.decision.documentNumber,
          decidedOn: dateColumn.toIso(row.title.decision.decidedOn),
        },
        useRules: titleUseRules(policy, row.title.year),
        verifyUrl: `${publicOrigin.replace(/\/+$/, '')}${certificateVerifyPath(tenantKey, row.number)}`,
        issuedAt: row.issuedAt,
      }),
    );
    return {
      filename: `certificate-${row.number}.pdf`,
      contentType: 'application/pdf' as const,
      contentBase64: pdf.toString('base64'),
    };
  }

  /** The public answer for a number: no personal data beyond what the public page may show. */
  async verify(number: string): Promise<CertificateVerification> {
    return this.database.inTenant(async (tx) => {
      const row = await this.certificates.byNumber(tx, number);
      if (!row) throw DomainError.notFound({ zh: '没有这个编号的证书', en: 'No certificate with this number' });
      const { policy } = await this.policies.withKey(tx, row.title.policyVersion);
      const tier = policy.tiers.find((candidate) => candidate.key === row.title.tier);
      const last = row.title.statusChanges.at(-1);
      return {
        number: row.number,
        verdict: certificateVerdict(row.title.status),
        holder: {
          kind: row.title.applicantKind as 'organisation' | 'individual',
          name: publicHolderName(row.title.applicantKind as 'organisation' | 'individual', row.title.applicantName),
        },
        tier: row.title.tier as 'award' | 'nomination',
        tierName: tier ? { zh: tier.name.zh, en: tier.name.en } : { zh: row.title.tier, en: row.title.tier },
        programmeName: { zh: policy.name.zh, en: policy.name.en },
        year: row.title.year,
        cycleNumber: row.title.cycleNumber,
        validFrom: dateColumn.toIso(row.title.validFrom),
        validUntil: row.title.validUntil ? dateColumn.toIso(row.title.validUntil) : null,
        validityBasis: row.title.validityBasis,
        decision: endingDecision(
          row.title.status,
          last ? { at: shanghaiDateOf(last.at), basis: last.basis } : undefined,
          null,
        ),
        checkedOn: shanghaiDateOf(this.clock.now()),
      };
    });
  }

  /** An applicant's titles, each with its certificate if issued: staff, or the applicant itself. */
  async holdings(applicantId: string) {
    await this.access.require(applicantId, noTitle);
    const titles = await this.database.inTenant((tx) => this.titles.ofApplicant(tx, applicantId));
    const items = [];
    for (const title of titles) {
      const certificate = await this.database.inTenant((tx) => this.certificates.ofTitle(tx, title.id));
      items.push({ title: toTitleView(title), certificate: certificate ? await this.view(certificate) : null });
    }
    return { items };
  }

  /** The certificate of a title the caller may read: staff, or the applicant whose title it is. */
  private async readable(titleId: string): Promise<CertificateRow> {
    const row = await this.database.inTenant((tx) => this.certificates.ofTitle(tx, titleId));
    if (!this.access.isStaff()) {
      const applicantId =
        row?.title.applicantId ?? (await this.database.inTenant((tx) => this.titles.byId(tx, titleId)))?.applicantId;
      await this.access.require(applicantId, noTitle);
    }
    if (!row) throw noCertificate();
    return row;
  }

  private async view(row: CertificateRow, tx?: AwardsTx): Promise<CertificateView> {
    const programme = tx
      ? await this.programmes.current(tx)
      : await this.database.inTenant((inner) => this.programmes.current(inner));
    return toCertificateView(row, programme?.key ?? '');
  }
}
