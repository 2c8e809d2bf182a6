-- AlterTable
ALTER TABLE "notice" ADD COLUMN     "policy_version" INTEGER;

-- AlterTable
ALTER TABLE "objection_rules" DROP CONSTRAINT "objection_rules_pkey",
ADD CONSTRAINT "objection_rules_pkey" PRIMARY KEY ("tenant_id", "policy_version");

-- Notices opened before this migration were governed by their tenant's one set of rules: they keep its version.
UPDATE "notice" AS n SET "policy_version" = r."policy_version"
  FROM "objection_rules" AS r WHERE r."tenant_id" = n."tenant_id" AND n."policy_version" IS NULL;
