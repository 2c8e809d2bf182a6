-- CreateTable
CREATE TABLE "composite_kind_rule" (
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "weights" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "composite_kind_rule_pkey" PRIMARY KEY ("tenant_id","cycle_number","applicant_kind")
);

-- RowLevelSecurity
ALTER TABLE "composite_kind_rule" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "composite_kind_rule" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "composite_kind_rule" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
