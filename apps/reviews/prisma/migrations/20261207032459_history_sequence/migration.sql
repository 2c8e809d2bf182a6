-- AlterTable
ALTER TABLE "assignment_history" ADD COLUMN     "seq" SERIAL NOT NULL;

-- AlterTable
ALTER TABLE "review_stage_history" ADD COLUMN     "seq" SERIAL NOT NULL;
