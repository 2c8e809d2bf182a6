import { type AppropriationBody, type AppropriationView, appropriationLoaded, DomainError } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../funds-prisma';
import { fenNumber } from '../ledger/fen.util';
import { balanceRuleText, transferIdReused } from '../ledger/ledger.errors';
import { firstDifference } from '../ledger/ledger.rules';
import { Ledger } from '../ledger/ledger.service';
import { AppropriationRepository, type AppropriationRow } from './appropriation.repository';

const toView = (row: Omit<AppropriationRow, 'tenantId'>): AppropriationView => ({
  id: row.id,
  budgetYear: row.budgetYear,
  amountFen: fenNumber(row.amountFen),
  document: row.document,
  loadedBy: row.loadedBy,
  loadedAt: row.loadedAt.toISOString(),
});

/** Finance loads a budget year's appropriation (预算指标): recorded with the document, who and when, on the ledger. */
@Injectable()
export class AppropriationService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly appropriations: AppropriationRepository,
    private readonly ledger: Ledger,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Loads it: the appropriation row and its transfer commit together; a replay answers the first loading. */
  async load(body: AppropriationBody): Promise<AppropriationView> {
    const row = await this.database.inTenant(async (tx) => {
      const recorded = await this.appropriations.find(tx, body.transferId);
      if (recorded) return this.replayed(recorded, body);
      const outcome = await this.ledger.transfer(tx, {
        id: body.transferId,
        budgetYear: body.budgetYear,
        code: 'appropriation_loaded',
        amount: BigInt(body.amountFen),
        reference: body.transferId,
        phase: 'single',
      });
      if (outcome.outcome === 'refused') {
        const { kind, limit, amount } = outcome.refusal;
        throw new DomainError({ code: 'rule_violation', detail: balanceRuleText(kind, limit, amount) });
      }
      const now = this.clock.now();
      const loaded = {
        id: body.transferId,
        budgetYear: body.budgetYear,
        amountFen: BigInt(body.amountFen),
        document: body.document,
        loadedBy: acting().label,
        loadedAt: now,
      };
      await this.appropriations.insert(tx, loaded);
      await this.outbox.add(tx, appropriationLoaded, {
        appropriationId: loaded.id,
        budgetYear: loaded.budgetYear,
        amountFen: body.amountFen,
        document: loaded.document,
        actor: loaded.loadedBy,
        at: now.toISOString(),
      });
      await this.audit.record(tx, {
        action: 'appropriation.load',
        targetType: 'appropriation',
        targetId: loaded.id,
        after: { budgetYear: loaded.budgetYear, amountFen: body.amountFen, document: loaded.document },
      });
      return loaded;
    });
    return toView(row);
  }

  async list(budgetYear?: number): Promise<{ appropriations: AppropriationView[] }> {
    const rows = await this.database.inTenant((tx) => this.appropriations.list(tx, budgetYear));
    return { appropriations: rows.map(toView) };
  }

  /** The same loading sent again: the first answer; other content under the same id: 409 naming the field. */
  private replayed(recorded: AppropriationRow, body: AppropriationBody): Omit<AppropriationRow, 'tenantId'> {
    const differs = firstDifference(
      { budgetYear: recorded.budgetYear, amountFen: fenNumber(recorded.amountFen), document: recorded.document },
      { budgetYear: body.budgetYear, amountFen: body.amountFen, document: body.document },
      ['budgetYear', 'amountFen', 'document'],
    );
    if (differs) throw transferIdReused(`body.${differs}`);
    return recorded;
  }
}
