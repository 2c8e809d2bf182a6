-- A permanent ban (不再受理): no count, no year from which applications are accepted again.
ALTER TABLE "application_ban" ALTER COLUMN "count" DROP NOT NULL;
ALTER TABLE "application_ban" ALTER COLUMN "allowed_from_year" DROP NOT NULL;
