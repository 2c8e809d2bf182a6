import { randomUUID } from 'node:crypto';
import {
  type ExpertProfileBody,
  type ExpertRegisterBody,
  type ExpertView,
  expertProfileChanged,
  expertRegistered,
  type PageRequest,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, FieldCipher, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { ConflictDetection } from '../conflict/conflict-detection.service';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { expertNotFound, userAlreadyExpert } from './expert.errors';
import { profileColumns, toExpertView } from './expert.mapper';
import { ExpertRepository, type ExpertRow } from './expert.repository';

/**
 * The tenant's expert pool: the office registers experts and keeps their profiles; an expert reads and corrects its
 * own. Every registration and profile change reruns conflict detection in the same transaction.
 */
@Injectable()
export class ExpertService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly experts: ExpertRepository,
    private readonly detection: ConflictDetection,
    private readonly cipher: FieldCipher,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async register(body: ExpertRegisterBody): Promise<ExpertView> {
    const { userId, ...profile } = body;
    const id = randomUUID();
    const row = await this.database.inTenant(async (tx) => {
      const existing = await this.experts.ofUser(tx, userId);
      if (existing) throw userAlreadyExpert(existing.id);
      const now = this.clock.now();
      await this.experts.create(tx, {
        id,
        userId,
        ...profileColumns(profile, this.cipher),
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      const created = (await this.experts.find(tx, id)) as ExpertRow;
      await this.recorded(tx, created, 'register');
      await this.detection.forExpert(tx, created);
      return created;
    });
    return toExpertView(row, this.cipher, true);
  }

  /** Replaces the profile (the office any expert's, an expert its own) and detects conflicts again. */
  async update(id: string, profile: ExpertProfileBody): Promise<ExpertView> {
    const row = await this.database.inTenant(async (tx) => {
      const locked = await this.experts.findLocked(tx, id);
      if (!locked || !this.mayEdit(locked)) throw expertNotFound();
      await this.experts.update(tx, id, { ...profileColumns(profile, this.cipher), updatedAt: this.clock.now() });
      const changed = (await this.experts.find(tx, id)) as ExpertRow;
      await this.recorded(tx, changed, 'update-profile');
      await this.detection.forExpert(tx, changed);
      return changed;
    });
    return toExpertView(row, this.cipher, acting().has('office') || row.userId === acting().userId);
  }

  /** One expert: the office any; an expert only its own (`me`, or its own id). */
  async get(id: string): Promise<ExpertView> {
    const who = acting();
    const row = await this.database.inTenant(async (tx) => {
      if (id !== 'me') return this.experts.find(tx, id);
      return who.userId ? this.experts.ofUser(tx, who.userId) : null;
    });
    if (!row || !this.mayEdit(row)) throw expertNotFound();
    return toExpertView(row, this.cipher, true);
  }

  async list(filter: { speciality?: string }, page: PageRequest) {
    const { rows, next } = await this.database.inTenant((tx) => this.experts.page(tx, filter, page));
    return { experts: rows.map((row) => toExpertView(row, this.cipher)), next };
  }

  private mayEdit(row: ExpertRow): boolean {
    const who = acting();
    return who.has('office') || (who.has('expert') && who.userId === row.userId);
  }

  private async recorded(tx: ReviewsTx, row: ExpertRow, action: 'register' | 'update-profile'): Promise<void> {
    const who = acting();
    const event = action === 'register' ? expertRegistered : expertProfileChanged;
    await this.outbox.add(tx, event, {
      expertId: row.id,
      userId: row.userId,
      actor: who.label,
      at: this.clock.now().toISOString(),
    });
    // Personal data stays out of the audit trail: the entry names what changed, not the numbers.
    await this.audit.record(tx, {
      action: `expert.${action}`,
      targetType: 'expert',
      targetId: row.id,
      after: {
        name: row.name,
        specialities: row.specialities,
        currentEmployer: row.currentEmployer,
        pastEmployers: row.pastEmployers,
        engagements: row.engagements,
        shareholdings: row.shareholdings,
        declaredRelations: row.declaredRelations,
      },
    });
  }
}
