-- AlterTable
ALTER TABLE "disbursement" ADD COLUMN     "seq" SERIAL NOT NULL;
