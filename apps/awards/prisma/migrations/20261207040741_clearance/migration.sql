-- CreateEnum
CREATE TYPE "clearance_status" AS ENUM ('pending', 'overdue', 'cleared', 'concern', 'concern_dismissed', 'concern_upheld');

-- CreateTable
CREATE TABLE "department" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "user_ids" TEXT[],
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clearance_request" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "application_id" UUID NOT NULL,
    "applicant_id" UUID NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "department_id" UUID NOT NULL,
    "basis" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "remind_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "clearance_status" NOT NULL DEFAULT 'pending',
    "reminded_at" TIMESTAMPTZ(3),
    "overdue_at" TIMESTAMPTZ(3),
    "answer" TEXT,
    "answered_by" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "decided_on" DATE,
    "decision_recorded_by" TEXT,
    "decision_recorded_at" TIMESTAMPTZ(3),
    "requested_by" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clearance_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "department_tenant_id_name_key" ON "department"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "clearance_request_status_due_at_idx" ON "clearance_request"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "clearance_request_cycle_number_application_id_department_id_key" ON "clearance_request"("cycle_number", "application_id", "department_id", "tenant_id");

-- AddForeignKey
ALTER TABLE "clearance_request" ADD CONSTRAINT "clearance_request_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "department" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "department" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "department" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "clearance_request" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "clearance_request" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "clearance_request" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
