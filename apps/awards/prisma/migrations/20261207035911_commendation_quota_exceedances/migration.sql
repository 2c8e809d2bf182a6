-- AlterTable
ALTER TABLE "commendation_decision" ADD COLUMN     "quota_exceedances" JSONB NOT NULL DEFAULT '[]';
