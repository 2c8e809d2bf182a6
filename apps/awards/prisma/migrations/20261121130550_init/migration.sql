-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "awards";

-- CreateEnum
CREATE TYPE "cycle_status" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "regulation_warning_kind" AS ENUM ('expiring', 'expired');

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
CREATE TABLE "programme" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_version" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "applies_from_cycle" INTEGER NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "policy_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "status" "cycle_status" NOT NULL DEFAULT 'open',
    "policy_version_id" UUID NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "opened_by" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle_stage" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "actor_zh" TEXT,
    "actor_en" TEXT,
    "scored" BOOLEAN NOT NULL,
    "basis" TEXT NOT NULL,
    "notices" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "cycle_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cycle_quota" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "tier" TEXT NOT NULL,
    "max" INTEGER NOT NULL,
    "binding" TEXT NOT NULL,
    "vacancies_allowed" BOOLEAN NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "basis" TEXT NOT NULL,

    CONSTRAINT "cycle_quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regulation_warning" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "document_number" TEXT,
    "kind" "regulation_warning_kind" NOT NULL,
    "days_before" INTEGER NOT NULL,
    "expires_on" DATE NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "basis" TEXT NOT NULL,
    "fired_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "regulation_warning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_message_published_at_next_attempt_at_idx" ON "outbox_message"("published_at", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letter_consumer_event_id_key" ON "dead_letter"("consumer", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_tenant_id_seq_key" ON "audit_entry"("tenant_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "programme_tenant_id_key" ON "programme"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_version_programme_id_version_key" ON "policy_version"("programme_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "cycle_programme_id_number_key" ON "cycle"("programme_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "cycle_stage_cycle_id_key_key" ON "cycle_stage"("cycle_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "cycle_quota_cycle_id_tier_key" ON "cycle_quota"("cycle_id", "tier");

-- CreateIndex
CREATE INDEX "regulation_warning_fired_at_cancelled_at_idx" ON "regulation_warning"("fired_at", "cancelled_at");

-- CreateIndex
CREATE UNIQUE INDEX "regulation_warning_programme_id_expires_on_kind_days_before_key" ON "regulation_warning"("programme_id", "expires_on", "kind", "days_before");

-- AddForeignKey
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle" ADD CONSTRAINT "cycle_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle" ADD CONSTRAINT "cycle_policy_version_id_fkey" FOREIGN KEY ("policy_version_id") REFERENCES "policy_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle_stage" ADD CONSTRAINT "cycle_stage_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cycle_quota" ADD CONSTRAINT "cycle_quota_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regulation_warning" ADD CONSTRAINT "regulation_warning_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "programme" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "programme" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "programme" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "policy_version" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "policy_version" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "policy_version" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "cycle" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "cycle" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "cycle" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "cycle_stage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "cycle_stage" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "cycle_stage" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "cycle_quota" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "cycle_quota" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "cycle_quota" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "regulation_warning" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "regulation_warning" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "regulation_warning" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- ImmutablePolicyVersions (written by hand: Prisma's schema does not model triggers)
-- A policy version is never changed or removed, whoever connects: a new version is a new row.
CREATE FUNCTION "policy_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'policy versions are immutable: % on policy_version refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "policy_version_immutable" BEFORE UPDATE OR DELETE ON "policy_version"
  FOR EACH ROW EXECUTE FUNCTION "policy_version_immutable"();
CREATE TRIGGER "policy_version_no_truncate" BEFORE TRUNCATE ON "policy_version"
  FOR EACH STATEMENT EXECUTE FUNCTION "policy_version_immutable"();
