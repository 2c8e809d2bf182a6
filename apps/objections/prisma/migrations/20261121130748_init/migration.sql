-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "objections";

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
CREATE TABLE "objection_rules" (
    "tenant_id" UUID NOT NULL,
    "policy_key" TEXT NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "objections" JSONB NOT NULL,
    "reports" JSONB NOT NULL,
    "notices" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "objection_rules_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "notice" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "reference" TEXT,
    "cycle" TEXT,
    "stage" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "published_on" TEXT NOT NULL,
    "period_count" INTEGER NOT NULL,
    "period_unit" TEXT NOT NULL,
    "period_basis" TEXT,
    "last_day" TEXT NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "deadline_basis" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "calendar" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "opened_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_entry" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "notice_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_name" TEXT NOT NULL,
    "proposal" TEXT NOT NULL,
    "application_id" TEXT,
    "recommender_id" TEXT,
    "recommender_name" TEXT,
    "outcome" TEXT,

    CONSTRAINT "notice_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "notice_id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "receipt_number" TEXT NOT NULL,
    "objector_kind" TEXT,
    "objector_name" TEXT,
    "objector_phone" TEXT,
    "objector_address" TEXT,
    "objector_id_number" TEXT,
    "objector_credit_code" TEXT,
    "grounds" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "exam_start" TEXT,
    "exam_count" INTEGER,
    "exam_unit" TEXT,
    "exam_last_day" TEXT,
    "exam_due_at" TIMESTAMPTZ(3),
    "exam_provisional" BOOLEAN NOT NULL DEFAULT false,
    "exam_rule_basis" TEXT,
    "exam_basis" TEXT,
    "remind_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),
    "overdue_at" TIMESTAMPTZ(3),
    "admitted_at" TIMESTAMPTZ(3),
    "admission_note" TEXT,
    "refused_at" TIMESTAMPTZ(3),
    "refusal_reasons" TEXT,
    "outcome" TEXT,
    "prohibited_ground" BOOLEAN NOT NULL DEFAULT false,
    "outcome_reasons" TEXT,
    "outcome_basis" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_file" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "objection_id" UUID,
    "report_id" UUID,
    "kind" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection_investigator" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "objection_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "user_id" TEXT,
    "declaration" JSONB NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL,
    "assigned_by" TEXT,

    CONSTRAINT "objection_investigator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection_finding" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "objection_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by" TEXT,

    CONSTRAINT "objection_finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "report_number" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "reporter_identity" JSONB,
    "concerning" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "replies" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_message_published_at_next_attempt_at_idx" ON "outbox_message"("published_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letter_consumer_event_id_key" ON "dead_letter"("consumer", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_tenant_id_seq_key" ON "audit_entry"("tenant_id", "seq");

-- CreateIndex
CREATE INDEX "notice_closed_at_closes_at_idx" ON "notice"("closed_at", "closes_at");

-- CreateIndex
CREATE UNIQUE INDEX "notice_tenant_id_reference_key" ON "notice"("tenant_id", "reference");

-- CreateIndex
CREATE INDEX "notice_entry_notice_id_idx" ON "notice_entry"("notice_id");

-- CreateIndex
CREATE UNIQUE INDEX "objection_receipt_number_key" ON "objection"("receipt_number");

-- CreateIndex
CREATE INDEX "objection_entry_id_idx" ON "objection"("entry_id");

-- CreateIndex
CREATE INDEX "objection_status_idx" ON "objection"("status");

-- CreateIndex
CREATE UNIQUE INDEX "report_report_number_key" ON "report"("report_number");

-- CreateIndex
CREATE UNIQUE INDEX "report_token_hash_key" ON "report"("token_hash");

-- AddForeignKey
ALTER TABLE "notice_entry" ADD CONSTRAINT "notice_entry_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection" ADD CONSTRAINT "objection_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection" ADD CONSTRAINT "objection_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "notice_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_objection_id_fkey" FOREIGN KEY ("objection_id") REFERENCES "objection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection_investigator" ADD CONSTRAINT "objection_investigator_objection_id_fkey" FOREIGN KEY ("objection_id") REFERENCES "objection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection_finding" ADD CONSTRAINT "objection_finding_objection_id_fkey" FOREIGN KEY ("objection_id") REFERENCES "objection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "objection_rules" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "objection_rules" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "objection_rules" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "notice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notice" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notice" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "notice_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notice_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notice_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "objection" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "objection" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "objection" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "stored_file" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "stored_file" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "stored_file" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "objection_investigator" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "objection_investigator" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "objection_investigator" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "objection_finding" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "objection_finding" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "objection_finding" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "report" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "report" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "report" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
