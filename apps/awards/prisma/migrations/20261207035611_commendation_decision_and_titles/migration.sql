-- CreateEnum
CREATE TYPE "title_status" AS ENUM ('active', 'expired', 'under_re_evaluation', 'rectifying', 'lost', 'revoked');

-- CreateTable
CREATE TABLE "commendation_decision" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "approving_body" TEXT NOT NULL,
    "document_number" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "basis" TEXT NOT NULL,
    "recorded_by" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "commendation_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "title" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "credit_code" TEXT,
    "tier" TEXT NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "validity_basis" TEXT NOT NULL,
    "status" "title_status" NOT NULL DEFAULT 'active',
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL,
    "rectify_by" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "title_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "title_status_change" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from" "title_status",
    "to" "title_status" NOT NULL,
    "reason" TEXT,
    "basis" TEXT NOT NULL,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "title_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "commendation_decision_tenant_id_cycle_number_key" ON "commendation_decision"("tenant_id", "cycle_number");

-- CreateIndex
CREATE INDEX "title_tenant_id_applicant_id_idx" ON "title"("tenant_id", "applicant_id");

-- CreateIndex
CREATE UNIQUE INDEX "title_decision_id_applicant_id_key" ON "title"("decision_id", "applicant_id");

-- CreateIndex
CREATE INDEX "title_status_change_title_id_at_idx" ON "title_status_change"("title_id", "at");

-- AddForeignKey
ALTER TABLE "title" ADD CONSTRAINT "title_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "commendation_decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_status_change" ADD CONSTRAINT "title_status_change_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "commendation_decision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "commendation_decision" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "commendation_decision" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "title" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "title" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "title" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "title_status_change" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "title_status_change" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "title_status_change" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
