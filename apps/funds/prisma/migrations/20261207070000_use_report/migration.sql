-- CreateTable
CREATE TABLE "use_report" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "total_fen" BIGINT NOT NULL DEFAULT 0,
    "query_reasons" JSONB,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "use_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "use_report_line" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "use_report_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "use_report_history" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "note" TEXT,
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "use_report_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performance_evaluation" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "rating" TEXT NOT NULL,
    "score" INTEGER,
    "conclusion" TEXT NOT NULL,
    "evaluator" TEXT NOT NULL,
    "evaluated_on" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "recorded_by" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "performance_evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "use_report_tenant_id_entitlement_id_key" ON "use_report"("tenant_id", "entitlement_id");

-- CreateIndex
CREATE INDEX "use_report_tenant_id_status_idx" ON "use_report"("tenant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "use_report_line_report_id_position_key" ON "use_report_line"("report_id", "position");

-- CreateIndex
CREATE INDEX "use_report_history_report_id_idx" ON "use_report_history"("report_id");

-- CreateIndex
CREATE UNIQUE INDEX "performance_evaluation_tenant_id_entitlement_id_key" ON "performance_evaluation"("tenant_id", "entitlement_id");

-- AddForeignKey
ALTER TABLE "use_report_line" ADD CONSTRAINT "use_report_line_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "use_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "use_report_history" ADD CONSTRAINT "use_report_history_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "use_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "use_report" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "use_report" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "use_report" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "use_report_line" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "use_report_line" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "use_report_line" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "use_report_history" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "use_report_history" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "use_report_history" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "performance_evaluation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "performance_evaluation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "performance_evaluation" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Amounts are positive fen; a report's total is never negative (hand-written).
ALTER TABLE "use_report_line" ADD CONSTRAINT "use_report_line_amount_positive" CHECK ("amount_fen" > 0);
ALTER TABLE "use_report" ADD CONSTRAINT "use_report_total_not_negative" CHECK ("total_fen" >= 0);
