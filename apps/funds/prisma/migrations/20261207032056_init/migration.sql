-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "funds";

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_message" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_message_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "dead_letter" (
    "id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "tenant_id" UUID,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "actor_id" TEXT,
    "actor_roles" TEXT[],
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "basis" TEXT,
    "before" JSONB,
    "after" JSONB,
    "correlation_id" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_account" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "budget_year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient_id" TEXT NOT NULL DEFAULT '',
    "recipient_name" TEXT,
    "debits_must_not_exceed_credits" BOOLEAN NOT NULL,
    "credits_must_not_exceed_debits" BOOLEAN NOT NULL,
    "debits_pending" BIGINT NOT NULL DEFAULT 0,
    "debits_posted" BIGINT NOT NULL DEFAULT 0,
    "credits_pending" BIGINT NOT NULL DEFAULT 0,
    "credits_posted" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ledger_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_transfer" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "budget_year" INTEGER NOT NULL,
    "debit_account_id" UUID NOT NULL,
    "credit_account_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "code" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "pending_id" UUID,
    "reference" TEXT NOT NULL,
    "actor" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ledger_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appropriation" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "budget_year" INTEGER NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "document" TEXT NOT NULL,
    "loaded_by" TEXT,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appropriation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entitlement" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "budget_year" INTEGER NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "amount_fen" BIGINT,
    "status" TEXT NOT NULL,
    "basis" TEXT,
    "reason_zh" TEXT NOT NULL,
    "reason_en" TEXT NOT NULL,
    "transfer_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "entitlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "voucher" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "initiated_by" TEXT,
    "initiated_at" TIMESTAMPTZ(3) NOT NULL,
    "resolving_transfer_id" UUID,
    "resolved_by" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "treasury_reference" TEXT,
    "failure_reason" TEXT,

    CONSTRAINT "disbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement_history" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "disbursement_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "note" TEXT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "disbursement_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_message_published_at_next_attempt_at_idx" ON "outbox_message"("published_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letter_consumer_event_id_key" ON "dead_letter"("consumer", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_tenant_id_seq_key" ON "audit_entry"("tenant_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_account_tenant_id_budget_year_kind_recipient_id_key" ON "ledger_account"("tenant_id", "budget_year", "kind", "recipient_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_transfer_pending_id_key" ON "ledger_transfer"("pending_id");

-- CreateIndex
CREATE INDEX "ledger_transfer_tenant_id_budget_year_idx" ON "ledger_transfer"("tenant_id", "budget_year");

-- CreateIndex
CREATE INDEX "ledger_transfer_debit_account_id_idx" ON "ledger_transfer"("debit_account_id");

-- CreateIndex
CREATE INDEX "ledger_transfer_credit_account_id_idx" ON "ledger_transfer"("credit_account_id");

-- CreateIndex
CREATE INDEX "appropriation_tenant_id_budget_year_idx" ON "appropriation"("tenant_id", "budget_year");

-- CreateIndex
CREATE INDEX "entitlement_tenant_id_budget_year_idx" ON "entitlement"("tenant_id", "budget_year");

-- CreateIndex
CREATE INDEX "entitlement_tenant_id_applicant_id_tier_idx" ON "entitlement"("tenant_id", "applicant_id", "tier");

-- CreateIndex
CREATE UNIQUE INDEX "entitlement_tenant_id_cycle_number_applicant_id_tier_key" ON "entitlement"("tenant_id", "cycle_number", "applicant_id", "tier");

-- CreateIndex
CREATE UNIQUE INDEX "disbursement_resolving_transfer_id_key" ON "disbursement"("resolving_transfer_id");

-- CreateIndex
CREATE INDEX "disbursement_entitlement_id_idx" ON "disbursement"("entitlement_id");

-- CreateIndex
CREATE INDEX "disbursement_history_disbursement_id_idx" ON "disbursement_history"("disbursement_id");

-- AddForeignKey
ALTER TABLE "disbursement" ADD CONSTRAINT "disbursement_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursement_history" ADD CONSTRAINT "disbursement_history_disbursement_id_fkey" FOREIGN KEY ("disbursement_id") REFERENCES "disbursement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "ledger_account" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ledger_account" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ledger_account" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "ledger_transfer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ledger_transfer" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ledger_transfer" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "appropriation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "appropriation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "appropriation" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "entitlement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "entitlement" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "entitlement" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "disbursement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "disbursement" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "disbursement" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "disbursement_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "disbursement_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "disbursement_history" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- ImmutableTransfers (written by hand: Prisma's schema does not model triggers or checks)
-- A transfer is never changed or removed, whoever connects: a correction is a new transfer. The service roles may
-- only insert (APPEND_ONLY_TABLES in @laurel/platform); this trigger refuses the rest even to the table's owner.
CREATE FUNCTION "ledger_transfer_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger transfers are immutable: % on ledger_transfer refused (correct with a new transfer)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ledger_transfer_immutable" BEFORE UPDATE OR DELETE ON "ledger_transfer"
  FOR EACH ROW EXECUTE FUNCTION "ledger_transfer_immutable"();
CREATE TRIGGER "ledger_transfer_no_truncate" BEFORE TRUNCATE ON "ledger_transfer"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_transfer_immutable"();

-- Amounts are positive integer fen; balances never go below zero; a transfer never moves money within one account.
ALTER TABLE "ledger_transfer" ADD CONSTRAINT "ledger_transfer_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "ledger_transfer" ADD CONSTRAINT "ledger_transfer_two_accounts" CHECK ("debit_account_id" <> "credit_account_id");
ALTER TABLE "ledger_transfer" ADD CONSTRAINT "ledger_transfer_phase" CHECK ("phase" IN ('single', 'pending', 'post', 'void'));
ALTER TABLE "ledger_account" ADD CONSTRAINT "ledger_account_balances_not_negative"
  CHECK ("debits_pending" >= 0 AND "debits_posted" >= 0 AND "credits_pending" >= 0 AND "credits_posted" >= 0);
