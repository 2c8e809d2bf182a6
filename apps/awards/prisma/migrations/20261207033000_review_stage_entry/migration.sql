-- Who enters each review stage, as the launch policies now state it (\`procedure.stages[].entry\`, issue 14): ili 第十四条、
-- 第十五条; linxia 第十八条、第十九条 (individuals on the candidate list skip the defense and go straight to on-site review);
-- inner-mongolia 第十四条; xinzhou-district 第十二条. xinzhou-city's stages stay without one (第十七条 "包括但不限于": the
-- office records who enters). A transcription of what the texts already say, not a new rule: stored documents of the
-- launch policies get the same data, each stage guarded by its key, kind and article and only where it has no entry
-- yet, so a document an operator wrote differently is left alone. Policy versions are immutable to every role; this
-- migration (run by the schema's owner) lifts the trigger for its own statements only (ADR 0011).
ALTER TABLE "policy_version" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "policy_version" DISABLE TRIGGER "policy_version_immutable";

CREATE FUNCTION "laurel_stage_entry"(doc jsonb, stage_key text, stage_kind text, stage_basis text, entry jsonb)
RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(doc -> 'procedure' -> 'stages') = 'array' THEN
    jsonb_set(doc, '{procedure,stages}', (
      SELECT jsonb_agg(
        CASE WHEN s ->> 'key' = stage_key AND s ->> 'kind' = stage_kind AND s ->> 'basis' = stage_basis
               AND NOT (s ? 'entry')
          THEN s || jsonb_build_object('entry', entry) ELSE s END
        ORDER BY ord)
      FROM jsonb_array_elements(doc -> 'procedure' -> 'stages') WITH ORDINALITY AS t(s, ord)))
  ELSE doc END
$$;

-- ili
UPDATE "policy_version" SET "document" = "laurel_stage_entry"("laurel_stage_entry"("document",
    'defense', 'defense', '第十四条', '{"organisation": "accepted", "individual": null, "basis": "第十四条"}'),
    'onsite', 'onsite_review', '第十五条', '{"organisation": "went_on", "individual": null, "basis": "第十五条"}')
 WHERE "document" ->> 'key' = 'ili';

-- linxia
UPDATE "policy_version" SET "document" = "laurel_stage_entry"("laurel_stage_entry"("document",
    'defense', 'defense', '第十八条', '{"organisation": "accepted", "individual": "skips", "basis": "第十八条; 第十九条", "note": "Individuals on the candidate list go straight to on-site review."}'),
    'onsite', 'onsite_review', '第十九条; 第二十条', '{"organisation": "went_on", "individual": "accepted", "basis": "第十九条"}')
 WHERE "document" ->> 'key' = 'linxia';

-- inner-mongolia
UPDATE "policy_version" SET "document" = "laurel_stage_entry"("laurel_stage_entry"("laurel_stage_entry"("document",
    'material', 'material_review', '第十四条（一）', '{"organisation": "accepted", "individual": null, "basis": "第十四条（一）"}'),
    'onsite', 'onsite_review', '第十四条（二）', '{"organisation": "went_on", "individual": null, "basis": "第十四条（一）", "note": "The office decides from the material review who goes on-site."}'),
    'defense', 'defense', '第十四条（三）', '{"organisation": "went_on", "individual": null, "basis": "第十四条（三）"}')
 WHERE "document" ->> 'key' = 'inner-mongolia';

-- xinzhou-district
UPDATE "policy_version" SET "document" = "laurel_stage_entry"("document",
    'onsite', 'onsite_review', '第十二条', '{"organisation": "accepted", "individual": null, "basis": "第十二条"}')
 WHERE "document" ->> 'key' = 'xinzhou-district';

DROP FUNCTION "laurel_stage_entry"(jsonb, text, text, text, jsonb);
ALTER TABLE "policy_version" ENABLE TRIGGER "policy_version_immutable";
ALTER TABLE "policy_version" FORCE ROW LEVEL SECURITY;
