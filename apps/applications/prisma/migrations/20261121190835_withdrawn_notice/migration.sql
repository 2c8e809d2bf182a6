-- CreateTable
CREATE TABLE "withdrawn_notice" (
    "notice_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "withdrawn_notice_pkey" PRIMARY KEY ("notice_id")
);

-- RowLevelSecurity
ALTER TABLE "withdrawn_notice" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "withdrawn_notice" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "withdrawn_notice" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
