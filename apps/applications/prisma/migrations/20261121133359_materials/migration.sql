-- AlterTable
ALTER TABLE "application" ADD COLUMN     "state_secret_statement" JSONB;

-- CreateTable
CREATE TABLE "material" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "trade_secret" BOOLEAN NOT NULL,
    "current_version" INTEGER NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "material_version" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "frozen_at" TIMESTAMPTZ(3),
    "uploaded_by" TEXT,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "material_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "material_application_id_idx" ON "material"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "material_version_material_id_version_key" ON "material_version"("material_id", "version");

-- AddForeignKey
ALTER TABLE "material" ADD CONSTRAINT "material_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_version" ADD CONSTRAINT "material_version_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "material" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "material" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "material" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "material_version" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "material_version" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "material_version" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
