-- AlterTable
ALTER TABLE "objection" ADD COLUMN     "confirmation_requested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "objector_comment" TEXT,
ADD COLUMN     "objector_responded_at" TIMESTAMPTZ(3),
ADD COLUMN     "objector_response" TEXT,
ADD COLUMN     "objector_token_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "objection_objector_token_hash_key" ON "objection"("objector_token_hash");

-- Objections decided before this migration under rules that send the result for confirmation (linxia 第二十三条) are
-- marked as asked, so the office sees the answer is owed. Filed without a token, their objectors answer in writing.
ALTER TABLE "objection" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "notice" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "objection_rules" NO FORCE ROW LEVEL SECURITY;
UPDATE "objection" AS o SET "confirmation_requested" = true
  FROM "notice" AS n, "objection_rules" AS r
 WHERE o."notice_id" = n."id" AND r."tenant_id" = n."tenant_id" AND r."policy_version" = n."policy_version"
   AND o."decided_at" IS NOT NULL AND (r."objections" -> 'result' ->> 'objectorConfirms') = 'true';
ALTER TABLE "objection" FORCE ROW LEVEL SECURITY;
ALTER TABLE "notice" FORCE ROW LEVEL SECURITY;
ALTER TABLE "objection_rules" FORCE ROW LEVEL SECURITY;
