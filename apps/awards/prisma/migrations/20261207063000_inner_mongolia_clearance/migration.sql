-- inner-mongolia 第十三条: "复核，征询自治区有关行业行政主管部门意见" is background clearance at the re-check (the
-- `acceptance` stage), before review; the text names no department, so the office names them. The launch policy now
-- says so; stored documents of it get the same reading (ADR 0011: a correction of how the text was read, not a new
-- version), guarded by the stage's key and article and by the absence of any `clearance`, so that a document an
-- operator wrote differently is left alone and a second run changes nothing.
-- Policy versions are immutable to every role; this migration (run by the schema's owner) lifts the trigger for its
-- own statements only.
ALTER TABLE "policy_version" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "policy_version" DISABLE TRIGGER "policy_version_immutable";

UPDATE "policy_version" SET "document" = jsonb_set("document", '{procedure,stages}', (
    SELECT jsonb_agg(
      CASE WHEN s ->> 'key' = 'acceptance' AND s ->> 'basis' = '第十三条' AND NOT (s ? 'clearance')
        THEN s || '{"clearance": {"departments": [], "othersByOffice": true, "basis": "第十三条", "note": "\"征询自治区有关行业行政主管部门意见\": at the re-check, before review; the text names no department, so the office names the industry departments concerned for each applicant."}}'::jsonb
        ELSE s END
      ORDER BY ord)
    FROM jsonb_array_elements("document" #> '{procedure,stages}') WITH ORDINALITY AS t(s, ord)))
 WHERE "document" ->> 'key' = 'inner-mongolia'
   AND NOT EXISTS (
     SELECT 1 FROM jsonb_array_elements("document" #> '{procedure,stages}') AS c(s) WHERE c.s ? 'clearance');

ALTER TABLE "policy_version" ENABLE TRIGGER "policy_version_immutable";
ALTER TABLE "policy_version" FORCE ROW LEVEL SECURITY;
