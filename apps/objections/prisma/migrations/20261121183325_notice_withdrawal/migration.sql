-- AlterTable
ALTER TABLE "notice" ADD COLUMN     "withdrawal_reason" TEXT,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_by" TEXT,
ADD COLUMN     "withdrawn_reference" TEXT;
