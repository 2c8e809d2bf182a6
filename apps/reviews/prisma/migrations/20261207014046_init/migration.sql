-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "reviews";

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
CREATE TABLE "expert" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone_cipher" TEXT,
    "id_number_cipher" TEXT,
    "specialities" TEXT[],
    "current_employer" JSONB,
    "past_employers" JSONB NOT NULL,
    "engagements" JSONB NOT NULL,
    "shareholdings" JSONB NOT NULL,
    "declared_relations" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_application" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "credit_code" TEXT,
    "recommender_id" UUID,
    "recommender_name" TEXT,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflict_flag" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "expert_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "reason" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "detected_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conflict_flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflict_flag_history" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "conflict_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "reason" TEXT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conflict_flag_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflict_settings" (
    "tenant_id" UUID NOT NULL,
    "past_employer_window_years" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conflict_settings_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateIndex
CREATE INDEX "outbox_message_published_at_next_attempt_at_idx" ON "outbox_message"("published_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letter_consumer_event_id_key" ON "dead_letter"("consumer", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_tenant_id_seq_key" ON "audit_entry"("tenant_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "expert_tenant_id_user_id_key" ON "expert"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "review_application_tenant_id_cycle_number_idx" ON "review_application"("tenant_id", "cycle_number");

-- CreateIndex
CREATE INDEX "conflict_flag_tenant_id_status_idx" ON "conflict_flag"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "conflict_flag_application_id_idx" ON "conflict_flag"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "conflict_flag_expert_id_application_id_kind_evidence_key" ON "conflict_flag"("expert_id", "application_id", "kind", "evidence");

-- CreateIndex
CREATE INDEX "conflict_flag_history_conflict_id_idx" ON "conflict_flag_history"("conflict_id");

-- AddForeignKey
ALTER TABLE "conflict_flag" ADD CONSTRAINT "conflict_flag_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_flag" ADD CONSTRAINT "conflict_flag_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "review_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_flag_history" ADD CONSTRAINT "conflict_flag_history_conflict_id_fkey" FOREIGN KEY ("conflict_id") REFERENCES "conflict_flag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "expert" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "expert" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "expert" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "review_application" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "review_application" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "review_application" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "conflict_flag" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "conflict_flag" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "conflict_flag" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "conflict_flag_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "conflict_flag_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "conflict_flag_history" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "conflict_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "conflict_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "conflict_settings" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
