-- AlterTable: the order transfers were made in (adding a column rewrites no row through the immutability trigger).
ALTER TABLE "ledger_transfer" ADD COLUMN "seq" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "clawback_case" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "revocation_id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "entitlement_id" UUID,
    "budget_year" INTEGER,
    "revoked_on" TEXT NOT NULL,
    "awarded_on" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "window_months" INTEGER,
    "window_from" TEXT,
    "status" TEXT NOT NULL,
    "reason_zh" TEXT NOT NULL,
    "reason_en" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL DEFAULT 0,
    "recovered_fen" BIGINT NOT NULL DEFAULT 0,
    "written_off_fen" BIGINT NOT NULL DEFAULT 0,
    "returned_fen" BIGINT NOT NULL DEFAULT 0,
    "demand_transfer_id" UUID,
    "due_on" TEXT,
    "remind_days_before" INTEGER,
    "remind_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),
    "overdue_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "instalments" JSONB,
    "agreement_document" TEXT,
    "agreed_from_fen" BIGINT,
    "write_off_reason" TEXT,
    "write_off_approval" TEXT,
    "write_off_approved_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clawback_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clawback_case_history" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "amount_fen" BIGINT,
    "transfer_id" UUID,
    "note" TEXT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clawback_case_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "clawback_case_tenant_id_revocation_id_key" ON "clawback_case"("tenant_id", "revocation_id");

-- CreateIndex
CREATE INDEX "clawback_case_tenant_id_status_idx" ON "clawback_case"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "clawback_case_history_case_id_idx" ON "clawback_case_history"("case_id");

-- AddForeignKey
ALTER TABLE "clawback_case_history" ADD CONSTRAINT "clawback_case_history_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "clawback_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "clawback_case" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "clawback_case" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "clawback_case" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "clawback_case_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "clawback_case_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "clawback_case_history" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The case's sums never exceed what was demanded (hand-written).
ALTER TABLE "clawback_case" ADD CONSTRAINT "clawback_case_sums"
  CHECK ("recovered_fen" + "written_off_fen" <= "amount_fen" AND "returned_fen" <= "recovered_fen");
