-- AlterTable
ALTER TABLE "objection" ADD COLUMN     "outcome_effect" TEXT;

-- Objections decided before this migration keep the effect they had: upheld on a prohibited ground disqualified,
-- other upheld ones were left to people, dismissed ones let the applicant continue.
ALTER TABLE "objection" NO FORCE ROW LEVEL SECURITY;
UPDATE "objection"
   SET "outcome_effect" = CASE
         WHEN "outcome" = 'upheld' AND "prohibited_ground" THEN 'disqualify'
         WHEN "outcome" = 'upheld' THEN 'decided_by_people'
         ELSE 'continue'
       END
 WHERE "outcome" IS NOT NULL AND "outcome_effect" IS NULL;
ALTER TABLE "objection" FORCE ROW LEVEL SECURITY;
