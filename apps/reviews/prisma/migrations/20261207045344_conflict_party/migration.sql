-- DropForeignKey
ALTER TABLE "conflict_flag" DROP CONSTRAINT "conflict_flag_expert_id_fkey";

-- AlterTable
ALTER TABLE "conflict_flag" ADD COLUMN     "member_unit_id" UUID,
ADD COLUMN     "office_user_id" TEXT,
ADD COLUMN     "office_user_label" TEXT,
ADD COLUMN     "party_kind" TEXT NOT NULL DEFAULT 'expert',
ALTER COLUMN "expert_id" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "conflict_flag_member_unit_id_application_id_kind_evidence_key" ON "conflict_flag"("member_unit_id", "application_id", "kind", "evidence");

-- CreateIndex
CREATE UNIQUE INDEX "conflict_flag_office_user_id_application_id_kind_evidence_key" ON "conflict_flag"("office_user_id", "application_id", "kind", "evidence");

-- AddForeignKey
ALTER TABLE "conflict_flag" ADD CONSTRAINT "conflict_flag_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_flag" ADD CONSTRAINT "conflict_flag_member_unit_id_fkey" FOREIGN KEY ("member_unit_id") REFERENCES "member_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Exactly one conflicted party, of the kind the row names (existing rows are experts).
ALTER TABLE "conflict_flag" ADD CONSTRAINT "conflict_flag_one_party" CHECK (
  (party_kind = 'expert' AND expert_id IS NOT NULL AND member_unit_id IS NULL AND office_user_id IS NULL)
  OR (party_kind = 'member_unit' AND member_unit_id IS NOT NULL AND expert_id IS NULL AND office_user_id IS NULL)
  OR (party_kind = 'office_user' AND office_user_id IS NOT NULL AND expert_id IS NULL AND member_unit_id IS NULL)
);
