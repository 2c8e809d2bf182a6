-- CreateTable
CREATE TABLE "review_stage" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "stage_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "stage_order" INTEGER NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "opened_by" TEXT,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "review_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_stage_history" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "stage_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "reason" TEXT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_stage_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stage_entrant" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "stage_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "basis" TEXT,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT,
    "outcome_reason" TEXT,
    "outcome_by" TEXT,
    "outcome_at" TIMESTAMPTZ(3),

    CONSTRAINT "stage_entrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "stage_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "size_reason" TEXT NOT NULL,
    "size_decided_by" TEXT,
    "size_decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "panel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "panel_member" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "panel_id" UUID NOT NULL,
    "expert_id" UUID NOT NULL,
    "min_load" INTEGER NOT NULL,
    "max_load" INTEGER NOT NULL,
    "added_by" TEXT,
    "added_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "panel_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "stage_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "expert_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "locked" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment_history" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assignment_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_stage_tenant_id_cycle_number_stage_key_key" ON "review_stage"("tenant_id", "cycle_number", "stage_key");

-- CreateIndex
CREATE INDEX "review_stage_history_stage_id_idx" ON "review_stage_history"("stage_id");

-- CreateIndex
CREATE INDEX "stage_entrant_application_id_idx" ON "stage_entrant"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "stage_entrant_stage_id_application_id_key" ON "stage_entrant"("stage_id", "application_id");

-- CreateIndex
CREATE UNIQUE INDEX "panel_stage_id_key" ON "panel"("stage_id");

-- CreateIndex
CREATE UNIQUE INDEX "panel_member_panel_id_expert_id_key" ON "panel_member"("panel_id", "expert_id");

-- CreateIndex
CREATE INDEX "assignment_tenant_id_expert_id_status_idx" ON "assignment"("tenant_id", "expert_id", "status");

-- CreateIndex
CREATE INDEX "assignment_application_id_idx" ON "assignment"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_stage_id_application_id_expert_id_key" ON "assignment"("stage_id", "application_id", "expert_id");

-- CreateIndex
CREATE INDEX "assignment_history_assignment_id_idx" ON "assignment_history"("assignment_id");

-- AddForeignKey
ALTER TABLE "review_stage_history" ADD CONSTRAINT "review_stage_history_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "review_stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_entrant" ADD CONSTRAINT "stage_entrant_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "review_stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_entrant" ADD CONSTRAINT "stage_entrant_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "review_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel" ADD CONSTRAINT "panel_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "review_stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_member" ADD CONSTRAINT "panel_member_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "panel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_member" ADD CONSTRAINT "panel_member_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "review_stage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "review_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_history" ADD CONSTRAINT "assignment_history_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "review_stage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "review_stage" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "review_stage" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "review_stage_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "review_stage_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "review_stage_history" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "stage_entrant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "stage_entrant" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "stage_entrant" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "panel" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "panel" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "panel" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "panel_member" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "panel_member" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "panel_member" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "assignment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "assignment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "assignment" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "assignment_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "assignment_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "assignment_history" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
