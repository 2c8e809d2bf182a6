// `npm run bench:funds`: the ledger through the funds service, next to floors measured in the same run on the same
// database. (1) Transfers posted through the service — with group commit (`LedgerGroupCommit`: the requests that
// arrive together share one `ledger_post` statement and one commit), and one transaction per transfer
// (`Ledger.transfer`: one statement doing lock, replay check, balance rules, insert, balances) — eight clients at a
// time on one budget year's shared `available` account, against the same rows inserted with raw SQL in one
// transaction. (2) A budget year's statement views for a tenant with
// 100,000 transfers — the trial balance recomputed from the transfers, the year's figures, a recipient's statement —
// against a bare scan of the same transfers. Targets: ≥ 1,000 transfers/s with p99 < 20 ms; each view under 1 s.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { bootstrapService, type RequestContext, RequestContexts, type RunningService } from '@laurel/platform';
import { ensureTemplateDatabase, TestInfrastructure, testRunId } from '@laurel/testing';
import { BudgetYearService } from '../src/budget-year/budget-year.service';
import { LedgerReportService } from '../src/budget-year/ledger-report.service';
import { fundsService } from '../src/funds.service-definition';
import type { FundsTx, PrismaClient } from '../src/funds-prisma';
import { Ledger, type TransferOutcome, type TransferRequest } from '../src/ledger/ledger.service';
import { LedgerGroupCommit } from '../src/ledger/ledger-group-commit';

const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 5000);
const CLIENTS = 8;
const STATEMENT_TRANSFERS = 100_000;
const RECIPIENTS = 200;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<number> {
  testRunId();
  await ensureTemplateDatabase();
  const infra = await TestInfrastructure.create();
  const sut: RunningService<PrismaClient> = await bootstrapService(fundsService({ env: infra.env() }), {
    env: infra.env(),
  });
  const context: RequestContext = {
    tenantId: randomUUID(),
    correlationId: randomUUID(),
    actor: { userId: 'bench', username: 'bench', roles: ['finance'], operator: false },
  };
  const inTenant = <T>(fn: (tx: FundsTx) => Promise<T>) =>
    RequestContexts.run(context, () => sut.runtime.database.inTenant(fn));
  const inContext = <T>(fn: () => Promise<T>) => RequestContexts.run(context, fn);
  const ledger = sut.app.get(Ledger);
  let failed = 0;
  const verdict = (ok: boolean) => {
    if (!ok) failed++;
    return ok ? 'PASS' : 'FAIL';
  };
  console.log(
    `funds bench: ${new Date().toISOString()}\nmachine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), ` +
      `Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  try {
    const recipients = Array.from({ length: RECIPIENTS }, (_, i) => ({ id: randomUUID(), name: `获奖单位${i + 1}` }));
    const load = (budgetYear: number, amount: bigint) =>
      inTenant((tx) =>
        ledger.transfer(tx, {
          id: randomUUID(),
          budgetYear,
          code: 'appropriation_loaded',
          amount,
          reference: 'bench',
          phase: 'single',
        }),
      );
    await load(2027, 10n ** 15n);

    // (1) Transfers through the service, CLIENTS at a time: with group commit (`LedgerGroupCommit`: requests that
    // arrive together share one `ledger_post` statement and one commit), and one transaction per transfer
    // (`Ledger.transfer`, as a flow that commits the transfer with its own rows does).
    const groupCommit = sut.app.get(LedgerGroupCommit);
    const closedLoop = async (clients: number, post: (request: TransferRequest) => Promise<TransferOutcome>) => {
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < TRANSFERS) {
            const i = next++;
            const id = randomUUID();
            const t0 = performance.now();
            const outcome = await post({
              id,
              budgetYear: 2027,
              code: 'entitlement_obligated',
              amount: 100_000n,
              reference: id,
              recipient: recipients[i % RECIPIENTS],
              phase: 'single',
            });
            latencies.push(performance.now() - t0);
            if (outcome.outcome !== 'posted') throw new Error(`transfer ${i} ${outcome.outcome}`);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return { rate: TRANSFERS / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
    };
    const meanBatch = async (run: () => Promise<{ rate: number; p50: number; p99: number }>) => {
      const before = { ...groupCommit.committed };
      const figures = await run();
      const batches = groupCommit.committed.batches - before.batches;
      return { ...figures, batch: (groupCommit.committed.transfers - before.transfers) / Math.max(1, batches) };
    };
    const grouped = await meanBatch(() =>
      closedLoop(CLIENTS, (request) => inContext(() => groupCommit.transfer(request))),
    );
    const grouped64 = await meanBatch(() =>
      closedLoop(64, (request) => inContext(() => groupCommit.transfer(request))),
    );
    const each = await closedLoop(CLIENTS, (request) => inTenant((tx) => ledger.transfer(tx, request)));
    const alone = await closedLoop(1, (request) => inTenant((tx) => ledger.transfer(tx, request)));

    // The floor: the same rows inserted with raw SQL in one transaction (no locks, rules, replay checks, balances).
    const accountIds = await inTenant((tx) =>
      tx.$queryRawUnsafe<{ id: string; kind: string }[]>(
        `SELECT id::text, kind FROM ledger_account WHERE budget_year = 2027 AND kind IN ('available', 'payable')`,
      ),
    );
    const available = accountIds.find((a) => a.kind === 'available')?.id as string;
    const payables = accountIds.filter((a) => a.kind === 'payable').map((a) => a.id);
    const floorStarted = performance.now();
    await inTenant((tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO ledger_transfer (id, tenant_id, budget_year, debit_account_id, credit_account_id, amount, code,
           phase, pending_id, reference, actor, created_at)
         SELECT gen_random_uuid(), $1::uuid, 2029, $2::uuid, ($3::uuid[])[1 + (g % $4)], 100000,
                'entitlement_obligated', 'single', NULL, 'floor', 'bench', now()
           FROM generate_series(1, $5) AS g`,
        context.tenantId,
        available,
        payables,
        payables.length,
        TRANSFERS,
      ),
    );
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    // A second floor: each row alone in its own transaction (the same tenant transaction, one INSERT), 8 clients —
    // what a commit costs on this machine with none of the ledger's work.
    const single: number[] = [];
    let k = 0;
    const singleStarted = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (k < TRANSFERS) {
          const i = k++;
          const t0 = performance.now();
          await inTenant((tx) =>
            tx.$executeRawUnsafe(
              `INSERT INTO ledger_transfer (id, tenant_id, budget_year, debit_account_id, credit_account_id, amount,
                 code, phase, pending_id, reference, actor, created_at)
               VALUES (gen_random_uuid(), $1::uuid, 2030, $2::uuid, $3::uuid, 100000, 'entitlement_obligated',
                 'single', NULL, 'floor', 'bench', now())`,
              context.tenantId,
              available,
              payables[i % payables.length],
            ),
          );
          single.push(performance.now() - t0);
        }
      }),
    );
    const singleSeconds = (performance.now() - singleStarted) / 1000;
    single.sort((a, b) => a - b);
    const figures = (r: { rate: number; p50: number; p99: number }) =>
      `${r.rate.toFixed(0)}/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`;
    console.log(
      `floor (the same ${TRANSFERS} rows, raw SQL, one transaction): ${(TRANSFERS / floorSeconds).toFixed(0)}/s; ` +
        `one raw INSERT per transaction, ${CLIENTS} clients: ${(TRANSFERS / singleSeconds).toFixed(0)}/s, ` +
        `p50 ${ms(quantile(single, 0.5))}, p99 ${ms(quantile(single, 0.99))}`,
    );
    console.log(
      `transfers through the service, group commit, ${CLIENTS} clients: ${figures(grouped)}, ` +
        `mean batch ${grouped.batch.toFixed(1)} | ` +
        `target ≥ 1,000/s, p99 < 20 ms: ${verdict(grouped.rate >= 1000 && grouped.p99 < 20)}`,
    );
    console.log(
      `transfers through the service, group commit, 64 clients: ${figures(grouped64)}, ` +
        `mean batch ${grouped64.batch.toFixed(1)}`,
    );
    console.log(
      `transfers through the service, one transaction each (Ledger.transfer), ${CLIENTS} clients: ${figures(each)}; ` +
        `1 client: ${figures(alone)}`,
    );

    // (2) A budget year with 100,000 transfers: accounts made through the ledger, the rest inserted in bulk and the
    // balances set from them (so the trial balance still balances), then the views timed.
    await load(2028, 10n ** 15n);
    for (const r of recipients) {
      const id = randomUUID();
      await inTenant((tx) =>
        ledger.transfer(tx, {
          id,
          budgetYear: 2028,
          code: 'entitlement_obligated',
          amount: 1n,
          reference: id,
          recipient: r,
          phase: 'single',
        }),
      );
    }
    await inTenant(async (tx) => {
      const ids = await tx.$queryRawUnsafe<{ id: string; kind: string }[]>(
        `SELECT id::text, kind FROM ledger_account WHERE budget_year = 2028`,
      );
      const avail = ids.find((a) => a.kind === 'available')?.id as string;
      const pay = ids.filter((a) => a.kind === 'payable').map((a) => a.id);
      const existing = await tx.$queryRawUnsafe<{ n: bigint }[]>(
        'SELECT count(*) AS n FROM ledger_transfer WHERE budget_year = 2028',
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO ledger_transfer (id, tenant_id, budget_year, debit_account_id, credit_account_id, amount, code,
           phase, pending_id, reference, actor, created_at)
         SELECT gen_random_uuid(), $1::uuid, 2028, $2::uuid, ($3::uuid[])[1 + (g % $4)], 1000 + g % 997,
                'entitlement_obligated', 'single', NULL, 'bench', 'bench', now()
           FROM generate_series(1, $5) AS g`,
        context.tenantId,
        avail,
        pay,
        pay.length,
        STATEMENT_TRANSFERS - Number(existing[0]?.n ?? 0),
      );
      await tx.$executeRawUnsafe(
        `UPDATE ledger_account a SET
           debits_posted = COALESCE((SELECT sum(amount) FROM ledger_transfer t WHERE t.debit_account_id = a.id), 0),
           credits_posted = COALESCE((SELECT sum(amount) FROM ledger_transfer t WHERE t.credit_account_id = a.id), 0)
         WHERE a.budget_year = 2028`,
      );
    });
    await inTenant((tx) => tx.$executeRawUnsafe('ANALYZE ledger_transfer'));
    const reports = sut.app.get(LedgerReportService);
    const years = sut.app.get(BudgetYearService);
    const time = async <T>(fn: () => Promise<T>) => {
      await fn(); // warm
      const t0 = performance.now();
      const result = await fn();
      return { result, ms: performance.now() - t0 };
    };
    const floor = await time(() =>
      inTenant((tx) =>
        tx.$queryRawUnsafe('SELECT count(*), sum(amount) FROM ledger_transfer WHERE budget_year = 2028'),
      ),
    );
    const trial = await time(() => inContext(() => reports.trialBalance(2028)));
    const summary = await time(() => inContext(() => years.list()));
    const statement = await time(() => inContext(() => reports.statement(2028, (recipients[7] as { id: string }).id)));
    const line = (what: string, t: { ms: number }) =>
      console.log(
        `${what}: ${ms(t.ms)} | floor (a bare scan of the year's transfers): ${ms(floor.ms)} | target < 1 s: ${verdict(t.ms < 1000)}`,
      );
    console.log(
      `a budget year with ${trial.result.transferCount} transfers, ${trial.result.rows.length} accounts; ` +
        `trial balance balanced: ${trial.result.balanced}`,
    );
    line('trial balance (recomputed from the transfers)', trial);
    line('budget-year figures (all years)', summary);
    line(`a recipient's statement (${statement.result.lines.length} lines)`, statement);
    if (!trial.result.balanced) failed++;
  } finally {
    await sut.close();
    await infra.dispose();
  }
  return failed;
}

main().then(
  (failed) => {
    process.exitCode = failed > 0 ? 1 : 0;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
