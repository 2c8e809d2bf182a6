-- AlterTable
ALTER TABLE "vote" ADD COLUMN     "slate_basis" TEXT,
ADD COLUMN     "slate_source" TEXT;
