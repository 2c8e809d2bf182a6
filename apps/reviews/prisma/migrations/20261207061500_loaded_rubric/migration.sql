-- CreateTable
CREATE TABLE "loaded_rubric" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "rubric_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "standard" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "document" JSONB NOT NULL,
    "source_document" TEXT NOT NULL,
    "source_citation" TEXT NOT NULL,
    "source_url" TEXT,
    "loaded_by" TEXT,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "loaded_rubric_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "loaded_rubric_tenant_id_rubric_key_version_key" ON "loaded_rubric"("tenant_id", "rubric_key", "version");

-- CreateIndex
CREATE INDEX "loaded_rubric_tenant_id_standard_idx" ON "loaded_rubric"("tenant_id", "standard");

-- RowLevelSecurity
ALTER TABLE "loaded_rubric" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "loaded_rubric" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "loaded_rubric" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
