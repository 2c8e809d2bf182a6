-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "applications";

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
CREATE TABLE "applicant" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "identity_hash" TEXT NOT NULL,
    "credit_code" TEXT,
    "id_number_cipher" TEXT,
    "id_number_masked" TEXT,
    "phone_cipher" TEXT,
    "phone_masked" TEXT,
    "registered_on" TEXT,
    "division_code" TEXT,
    "legal_form" TEXT,
    "organisation_type" TEXT,
    "industry" TEXT,
    "four_new_field" BOOLEAN,
    "employer" TEXT,
    "years_in_quality_work" INTEGER,
    "account_user_id" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applicant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommender" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "user_ids" TEXT[],
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "cycle_year" INTEGER NOT NULL,
    "policy_key" TEXT NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "plan" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "stage" TEXT,
    "facts" JSONB NOT NULL,
    "attestations" JSONB NOT NULL,
    "decisions" JSONB NOT NULL,
    "eligibility" JSONB NOT NULL,
    "ban_checks" JSONB NOT NULL,
    "recommender_id" UUID,
    "publicity" JSONB,
    "recommendation" JSONB,
    "notices" JSONB NOT NULL DEFAULT '[]',
    "objections_pending" INTEGER NOT NULL DEFAULT 0,
    "outcome" JSONB,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_event" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "reason" TEXT,
    "basis" TEXT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_message_published_at_next_attempt_at_idx" ON "outbox_message"("published_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letter_consumer_event_id_key" ON "dead_letter"("consumer", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_tenant_id_seq_key" ON "audit_entry"("tenant_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "applicant_tenant_id_identity_hash_key" ON "applicant"("tenant_id", "identity_hash");

-- CreateIndex
CREATE UNIQUE INDEX "applicant_tenant_id_account_user_id_key" ON "applicant"("tenant_id", "account_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommender_tenant_id_name_key" ON "recommender"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "application_recommender_id_idx" ON "application"("recommender_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_tenant_id_applicant_id_cycle_number_key" ON "application"("tenant_id", "applicant_id", "cycle_number");

-- CreateIndex
CREATE INDEX "application_event_application_id_idx" ON "application_event"("application_id");

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "applicant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application" ADD CONSTRAINT "application_recommender_id_fkey" FOREIGN KEY ("recommender_id") REFERENCES "recommender"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_event" ADD CONSTRAINT "application_event_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "applicant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "applicant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "applicant" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "recommender" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "recommender" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "recommender" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "application" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "application" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "application" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "application_event" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "application_event" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "application_event" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
