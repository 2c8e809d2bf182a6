-- CreateTable
CREATE TABLE "composite_assessment" (
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "application_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "composite_assessment_pkey" PRIMARY KEY ("tenant_id","cycle_number","application_id")
);

-- RowLevelSecurity
ALTER TABLE "composite_assessment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "composite_assessment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "composite_assessment" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
