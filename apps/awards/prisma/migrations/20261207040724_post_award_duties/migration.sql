-- CreateEnum
CREATE TYPE "duty_status" AS ENUM ('open', 'submitted', 'overdue');

-- CreateTable
CREATE TABLE "duty" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "recipient_zh" TEXT NOT NULL,
    "due_date" DATE,
    "window_start" DATE,
    "period_start" DATE,
    "period_end" DATE,
    "basis" TEXT NOT NULL,
    "status" "duty_status" NOT NULL DEFAULT 'open',
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by" TEXT,
    "submission" TEXT,
    "overdue_at" TIMESTAMPTZ(3),
    "refusal_rule_id" TEXT,
    "refusal_basis" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "duty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duty_reminder" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "duty_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "days_before" INTEGER NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "duty_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "duty_tenant_id_status_idx" ON "duty"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "duty_tenant_id_applicant_id_idx" ON "duty"("tenant_id", "applicant_id");

-- CreateIndex
CREATE UNIQUE INDEX "duty_title_id_key_sequence_key" ON "duty"("title_id", "key", "sequence");

-- CreateIndex
CREATE INDEX "duty_reminder_fired_at_cancelled_at_idx" ON "duty_reminder"("fired_at", "cancelled_at");

-- CreateIndex
CREATE UNIQUE INDEX "duty_reminder_duty_id_kind_days_before_key" ON "duty_reminder"("duty_id", "kind", "days_before");

-- AddForeignKey
ALTER TABLE "duty" ADD CONSTRAINT "duty_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duty_reminder" ADD CONSTRAINT "duty_reminder_duty_id_fkey" FOREIGN KEY ("duty_id") REFERENCES "duty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "duty" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "duty" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "duty" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "duty_reminder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "duty_reminder" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "duty_reminder" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
