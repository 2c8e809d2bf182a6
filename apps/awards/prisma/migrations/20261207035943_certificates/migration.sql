-- CreateTable
CREATE TABLE "certificate" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "check_code" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_by" TEXT,

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_counter" (
    "tenant_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "certificate_counter_pkey" PRIMARY KEY ("tenant_id","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "certificate_title_id_key" ON "certificate"("title_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_tenant_id_number_key" ON "certificate"("tenant_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_tenant_id_year_sequence_key" ON "certificate"("tenant_id", "year", "sequence");

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "certificate" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "certificate" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "certificate" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "certificate_counter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "certificate_counter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "certificate_counter" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
