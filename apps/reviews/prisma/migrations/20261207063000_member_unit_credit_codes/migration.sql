-- AlterTable
ALTER TABLE "member_unit" ADD COLUMN "credit_code" TEXT,
ADD COLUMN "subordinate_credit_codes" TEXT[] DEFAULT ARRAY[]::TEXT[];
