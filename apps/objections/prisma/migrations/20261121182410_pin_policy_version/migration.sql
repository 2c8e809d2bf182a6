-- AlterTable
ALTER TABLE "notice" ADD COLUMN     "policy_version" INTEGER;

-- AlterTable
ALTER TABLE "objection_rules" DROP CONSTRAINT "objection_rules_pkey",
ADD CONSTRAINT "objection_rules_pkey" PRIMARY KEY ("tenant_id", "policy_version");

-- Notices opened before this migration were governed by their tenant's one set of rules: they keep its version.
-- Across every tenant: row-level security is lifted for the statement (FORCE applies it to the owner too).
ALTER TABLE "notice" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "objection_rules" NO FORCE ROW LEVEL SECURITY;
UPDATE "notice" AS n SET "policy_version" = r."policy_version"
  FROM "objection_rules" AS r WHERE r."tenant_id" = n."tenant_id" AND n."policy_version" IS NULL;
ALTER TABLE "notice" FORCE ROW LEVEL SECURITY;
ALTER TABLE "objection_rules" FORCE ROW LEVEL SECURITY;
