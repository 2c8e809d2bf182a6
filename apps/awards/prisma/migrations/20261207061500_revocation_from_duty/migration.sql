-- AlterTable
ALTER TABLE "revocation_case" ADD COLUMN "duty_id" UUID;

-- CreateIndex
CREATE INDEX "revocation_case_tenant_id_duty_id_idx" ON "revocation_case"("tenant_id", "duty_id");
