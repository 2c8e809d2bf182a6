-- AlterTable
ALTER TABLE "title_status_change" ADD COLUMN     "seq" SERIAL NOT NULL;
