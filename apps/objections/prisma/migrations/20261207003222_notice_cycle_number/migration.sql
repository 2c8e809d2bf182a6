-- A notice's cycle is its number (an integer, 1 or more), as everywhere else; it was free text ("3").
ALTER TABLE "notice" ADD COLUMN "cycle_number" INTEGER;

-- Existing notices keep their cycle: a number was checked against the awards service's cycles when the notice opened.
-- A cycle named otherwise (never looked up, so naming no cycle of the award) becomes none.
ALTER TABLE "notice" NO FORCE ROW LEVEL SECURITY;
UPDATE "notice" SET "cycle_number" = "cycle"::integer WHERE "cycle" ~ '^[1-9][0-9]{0,4}$';
ALTER TABLE "notice" FORCE ROW LEVEL SECURITY;

ALTER TABLE "notice" DROP COLUMN "cycle";
ALTER TABLE "notice" ADD CONSTRAINT "notice_cycle_number_check" CHECK ("cycle_number" >= 1);
