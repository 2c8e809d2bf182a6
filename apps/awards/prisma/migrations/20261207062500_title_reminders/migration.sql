-- CreateTable
CREATE TABLE "title_reminder" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "target_date" DATE NOT NULL,
    "days_before" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "title_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "title_reminder_title_id_kind_target_date_days_before_key" ON "title_reminder"("title_id", "kind", "target_date", "days_before");

-- AddForeignKey
ALTER TABLE "title_reminder" ADD CONSTRAINT "title_reminder_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "title"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "title_reminder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "title_reminder" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "title_reminder" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
