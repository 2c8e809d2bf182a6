import {
  type ApplicantFilter,
  type ApplicantRegisterBody,
  type ApplicantView,
  DomainError,
  type PageRequest,
} from '@laurel/contracts';
import { AuditTrail, Clock, Database, FieldCipher, maskIdNumber, maskPhone } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { AwardsGateway } from '../application/awards.gateway';
import type { ApplicationsTx, PrismaClient } from '../applications-prisma';
import { acting, notAllowed } from '../identity/actor.util';
import { toApplicantView } from './applicant.mapper';
import { ApplicantRepository, type ApplicantRow } from './applicant.repository';

/**
 * An applicant account's refusal, one answer for every reason (the number is registered by someone else, or the
 * account already acts for an applicant): an account cannot learn from it whether a number is registered. Who holds
 * a number is told to the office only.
 */
const refusedToAccount = () =>
  DomainError.conflict({
    zh: '无法以此账号登记该申报者：每个账号只能登记一个申报者，且号码不能已被登记。如有疑问，请联系领导小组办公室',
    en: 'This account cannot register this applicant: an account registers one applicant, with a number not registered before. Please contact the office if in doubt',
  });

export const noApplicant = () => DomainError.notFound({ zh: '未找到该申报者', en: 'No such applicant' });

/** Applicants: registered once per identity, their ID and phone numbers sealed; accounts act only on their own. */
@Injectable()
export class ApplicantService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applicants: ApplicantRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditTrail,
    private readonly awards: AwardsGateway,
    private readonly clock: Clock,
  ) {}

  async register(body: ApplicantRegisterBody): Promise<ApplicantView> {
    const who = acting();
    if (!who.office && !who.applicant) throw notAllowed();
    const number = body.kind === 'organisation' ? body.creditCode : body.idNumber;
    const identityHash = this.cipher.hash(body.kind, number);
    // An applicant account registers its own applicant, and only one.
    const accountUserId = !who.office && who.applicant ? who.userId : null;
    const row = await this.database.inTenant(async (tx) => {
      // Both looked up always, so an account's refusal takes the same queries whatever the reason.
      const existing = await this.applicants.byIdentity(tx, identityHash);
      const own = accountUserId ? await this.applicants.byAccount(tx, accountUserId) : null;
      if (!who.office && (existing || own)) throw refusedToAccount();
      if (existing) {
        throw new DomainError({
          code: 'conflict',
          detail: {
            zh: `该${body.kind === 'organisation' ? '统一社会信用代码' : '身份证号码'}已登记为申报者「${existing.name}」`,
            en: `This ${body.kind === 'organisation' ? 'credit code' : 'ID number'} is already registered as applicant "${existing.name}"`,
          },
          fields: [
            {
              field: body.kind === 'organisation' ? 'body.creditCode' : 'body.idNumber',
              reason: { zh: '已登记', en: 'is already registered' },
            },
          ],
          extensions: { existingApplicantId: existing.id },
        });
      }
      const created = await this.applicants.create(tx, {
        kind: body.kind,
        name: body.name,
        identityHash,
        creditCode: body.kind === 'organisation' ? body.creditCode : null,
        idNumberCipher: body.kind === 'individual' ? this.cipher.encrypt(body.idNumber) : null,
        idNumberMasked: body.kind === 'individual' ? maskIdNumber(body.idNumber) : null,
        phoneCipher: body.phone ? this.cipher.encrypt(body.phone) : null,
        phoneMasked: body.phone ? maskPhone(body.phone) : null,
        registeredOn: body.kind === 'organisation' ? (body.registeredOn ?? null) : null,
        divisionCode: body.kind === 'organisation' ? (body.divisionCode ?? null) : null,
        legalForm: body.kind === 'organisation' ? (body.legalForm ?? null) : null,
        organisationType: body.kind === 'organisation' ? (body.organisationType ?? null) : null,
        industry: body.kind === 'organisation' ? (body.industry ?? null) : null,
        fourNewField: body.kind === 'organisation' ? (body.fourNewField ?? null) : null,
        employer: body.kind === 'individual' ? (body.employer ?? null) : null,
        yearsInQualityWork: body.kind === 'individual' ? (body.yearsInQualityWork ?? null) : null,
        accountUserId,
        createdBy: who.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        action: 'applicant.register',
        targetType: 'applicant',
        targetId: created.id,
        after: {
          kind: created.kind,
          name: created.name,
          creditCode: created.creditCode,
          idNumber: created.idNumberMasked,
        },
      });
      return created;
    });
    const view = toApplicantView(row, this.cipher, who.office);
    // The office sees other jurisdictions' revocations and bans of the organisation at registration (never the file).
    if (who.office && row.creditCode)
      return { ...view, crossTenantFlags: await this.awards.crossTenantFlags(row.creditCode) };
    return view;
  }

  async get(id: string): Promise<ApplicantView> {
    const who = acting();
    const row = await this.database.inTenant((tx) => this.applicants.find(tx, id));
    if (!row || !this.maySee(row)) throw noApplicant();
    return toApplicantView(row, this.cipher, who.office);
  }

  /** A page of the applicants the caller may see that match the filter (filtered in the query). */
  async list(
    filter: ApplicantFilter,
    page: PageRequest,
  ): Promise<{ applicants: ApplicantView[]; next: string | null }> {
    const { rows, next } = await this.database.inTenant((tx) => this.applicants.page(tx, acting(), filter, page));
    return {
      applicants: rows.filter((row) => this.maySee(row)).map((row) => toApplicantView(row, this.cipher)),
      next,
    };
  }

  /** The applicant the acting account may act for: the office any, an applicant account its own. */
  async actable(tx: ApplicationsTx, applicantId: string | undefined): Promise<ApplicantRow> {
    const who = acting();
    if (who.office) {
      if (!applicantId) {
        throw DomainError.validation([
          { field: 'body.applicantId', reason: { zh: '办公室须指明申报者', en: 'is required for the office' } },
        ]);
      }
      const row = await this.applicants.find(tx, applicantId);
      if (!row) throw noApplicant();
      return row;
    }
    if (!who.applicant || !who.userId) throw notAllowed();
    const own = await this.applicants.byAccount(tx, who.userId);
    if (!own || (applicantId && applicantId !== own.id)) throw noApplicant();
    return own;
  }

  private maySee(row: ApplicantRow): boolean {
    const who = acting();
    return who.office || (who.applicant && who.userId !== null && row.accountUserId === who.userId);
  }
}
