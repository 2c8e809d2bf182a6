-- An individual's revocation case and ban are recorded under the applicant (the applications service registers one
-- applicant per ID number and keeps the number sealed), not under the ID number, which the awards service no longer
-- keeps at all. Rows written before held the number in clear: they take the case's applicant instead.
-- Both tables are tenant-isolated; this migration (run by the schema's owner) reaches every tenant's rows.
ALTER TABLE "revocation_case" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "application_ban" NO FORCE ROW LEVEL SECURITY;

UPDATE "application_ban" AS b SET "identity_value" = c."applicant_id"::text
  FROM "revocation_case" AS c
 WHERE b."case_id" = c."id" AND b."identity_kind" = 'individual' AND b."identity_value" <> c."applicant_id"::text;
UPDATE "revocation_case" SET "identity_value" = "applicant_id"::text
 WHERE "identity_kind" = 'individual' AND "identity_value" <> "applicant_id"::text;

ALTER TABLE "application_ban" FORCE ROW LEVEL SECURITY;
ALTER TABLE "revocation_case" FORCE ROW LEVEL SECURITY;
