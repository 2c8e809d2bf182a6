-- CreateEnum
CREATE TYPE "revocation_status" AS ENUM ('opened', 'approved', 'applied', 'dismissed');

-- CreateTable
CREATE TABLE "revocation_case" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "status" "revocation_status" NOT NULL,
    "title_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "identity_kind" TEXT NOT NULL,
    "identity_value" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "awarded_on" DATE NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "ground" TEXT NOT NULL,
    "event_on" DATE NOT NULL,
    "severity" TEXT,
    "description" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "evaluation" JSONB NOT NULL,
    "approval_body" TEXT,
    "approval_number" TEXT,
    "approved_on" DATE,
    "approved_by" TEXT,
    "dismissal_reason" TEXT,
    "opened_by" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "revocation_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revocation_step" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revocation_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_ban" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "identity_kind" TEXT NOT NULL,
    "identity_value" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "start_year" INTEGER NOT NULL,
    "allowed_from_year" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_ban_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "revocation_case_tenant_id_identity_value_idx" ON "revocation_case"("tenant_id", "identity_value");

-- CreateIndex
CREATE UNIQUE INDEX "revocation_step_case_id_kind_key" ON "revocation_step"("case_id", "kind");

-- CreateIndex
CREATE INDEX "application_ban_tenant_id_identity_value_idx" ON "application_ban"("tenant_id", "identity_value");

-- CreateIndex
CREATE UNIQUE INDEX "application_ban_case_id_key" ON "application_ban"("case_id");

-- AddForeignKey
ALTER TABLE "revocation_step" ADD CONSTRAINT "revocation_step_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "revocation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_ban" ADD CONSTRAINT "application_ban_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "revocation_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "revocation_case" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "revocation_case" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "revocation_case" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "revocation_step" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "revocation_step" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "revocation_step" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "application_ban" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "application_ban" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "application_ban" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
