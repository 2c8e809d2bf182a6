-- CreateEnum
CREATE TYPE "candidate_standing_status" AS ENUM ('held', 'removed', 'released');

-- CreateTable
CREATE TABLE "candidate_notice" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "notice_id" UUID NOT NULL,
    "channel_zh" TEXT,
    "channel_en" TEXT,
    "period_count" INTEGER NOT NULL,
    "period_unit" TEXT NOT NULL,
    "last_day" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "opened_by" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidate_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidate_standing" (
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "application_id" UUID NOT NULL,
    "notice_id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "status" "candidate_standing_status" NOT NULL,
    "objection_id" UUID,
    "receipt_number" TEXT,
    "reasons" TEXT,
    "basis" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidate_standing_pkey" PRIMARY KEY ("tenant_id","cycle_number","application_id","notice_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "candidate_notice_notice_id_key" ON "candidate_notice"("notice_id");

-- CreateIndex
CREATE UNIQUE INDEX "candidate_notice_tenant_id_cycle_number_stage_key" ON "candidate_notice"("tenant_id", "cycle_number", "stage");

-- RowLevelSecurity
ALTER TABLE "candidate_notice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "candidate_notice" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "candidate_notice" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "candidate_standing" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "candidate_standing" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "candidate_standing" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
