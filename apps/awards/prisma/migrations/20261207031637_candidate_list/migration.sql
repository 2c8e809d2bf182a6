-- CreateTable
CREATE TABLE "candidate_list" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "list_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "stages" TEXT[],
    "basis" TEXT NOT NULL,
    "published_by" TEXT,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidate_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidate_list_entry" (
    "candidate_list_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "vote_tier" TEXT,
    "deliberation_tier" TEXT,
    "proposed_tier" TEXT NOT NULL,

    CONSTRAINT "candidate_list_entry_pkey" PRIMARY KEY ("candidate_list_id","application_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "candidate_list_list_id_key" ON "candidate_list"("list_id");

-- CreateIndex
CREATE UNIQUE INDEX "candidate_list_tenant_id_cycle_number_key" ON "candidate_list"("tenant_id", "cycle_number");

-- AddForeignKey
ALTER TABLE "candidate_list_entry" ADD CONSTRAINT "candidate_list_entry_candidate_list_id_fkey" FOREIGN KEY ("candidate_list_id") REFERENCES "candidate_list"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "candidate_list" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "candidate_list" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "candidate_list" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "candidate_list_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "candidate_list_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "candidate_list_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
