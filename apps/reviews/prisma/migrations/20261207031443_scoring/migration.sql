-- CreateTable
CREATE TABLE "stage_rubric" (
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "stage_key" TEXT NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "rubric_key" TEXT NOT NULL,
    "rubric_version" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stage_rubric_pkey" PRIMARY KEY ("tenant_id","cycle_number","stage_key","applicant_kind")
);

-- CreateTable
CREATE TABLE "score_sheet" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "stage_key" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "expert_id" UUID NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "rubric_key" TEXT NOT NULL,
    "rubric_version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "score_sheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score_item" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "sheet_id" UUID NOT NULL,
    "item_key" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "strengths" TEXT,
    "improvements" TEXT,

    CONSTRAINT "score_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score_revision" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "sheet_id" UUID NOT NULL,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "old_total" DOUBLE PRECISION NOT NULL,
    "new_total" DOUBLE PRECISION NOT NULL,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "score_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consensus_outcome" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "stage_key" TEXT NOT NULL,
    "sheet_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "flagged_total" DOUBLE PRECISION NOT NULL,
    "flag_reasons" TEXT[],
    "adjusted_total" DOUBLE PRECISION,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consensus_outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stage_cut" (
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "stage_key" TEXT NOT NULL,
    "to_stage" TEXT NOT NULL,
    "count" INTEGER,
    "min_score" DOUBLE PRECISION,
    "goes_on" TEXT[],
    "stops" TEXT[],
    "basis" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stage_cut_pkey" PRIMARY KEY ("tenant_id","cycle_number","stage_key")
);

-- CreateTable
CREATE TABLE "composite_weights" (
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "composite_weights_pkey" PRIMARY KEY ("tenant_id","cycle_number")
);

-- CreateIndex
CREATE INDEX "score_sheet_tenant_id_cycle_number_stage_key_idx" ON "score_sheet"("tenant_id", "cycle_number", "stage_key");

-- CreateIndex
CREATE INDEX "score_sheet_expert_id_idx" ON "score_sheet"("expert_id");

-- CreateIndex
CREATE UNIQUE INDEX "score_sheet_cycle_number_stage_key_application_id_expert_id_key" ON "score_sheet"("cycle_number", "stage_key", "application_id", "expert_id");

-- CreateIndex
CREATE UNIQUE INDEX "score_item_sheet_id_item_key_key" ON "score_item"("sheet_id", "item_key");

-- CreateIndex
CREATE INDEX "score_revision_sheet_id_idx" ON "score_revision"("sheet_id");

-- CreateIndex
CREATE UNIQUE INDEX "consensus_outcome_sheet_id_key" ON "consensus_outcome"("sheet_id");

-- CreateIndex
CREATE INDEX "consensus_outcome_tenant_id_cycle_number_stage_key_idx" ON "consensus_outcome"("tenant_id", "cycle_number", "stage_key");

-- AddForeignKey
ALTER TABLE "score_item" ADD CONSTRAINT "score_item_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "score_sheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_revision" ADD CONSTRAINT "score_revision_sheet_id_fkey" FOREIGN KEY ("sheet_id") REFERENCES "score_sheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "stage_rubric" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "stage_rubric" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "stage_rubric" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "score_sheet" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "score_sheet" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "score_sheet" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "score_item" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "score_item" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "score_item" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "score_revision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "score_revision" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "score_revision" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "consensus_outcome" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consensus_outcome" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consensus_outcome" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "stage_cut" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "stage_cut" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "stage_cut" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "composite_weights" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "composite_weights" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "composite_weights" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
