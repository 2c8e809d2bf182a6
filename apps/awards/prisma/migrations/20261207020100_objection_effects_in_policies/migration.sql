-- The launch policies now state, as data, what a decided objection does (ili 第二十一条; linxia 第二十三条).
-- Stored documents of those policies get the effects their text already gave: a correction of how the text was
-- transcribed, not a new rule, so the immutability trigger is set aside for these two statements only (ADR 0011).
ALTER TABLE "policy_version" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "policy_version" DISABLE TRIGGER "policy_version_immutable";
UPDATE "policy_version"
   SET "document" = jsonb_set("document", '{objections,result,effects}',
         '[{"when": "unfounded", "effect": "continue", "basis": "第二十一条"},
           {"when": "founded_on_prohibited_ground", "effect": "disqualify", "basis": "第二十一条"}]'::jsonb)
 WHERE "document" ->> 'key' = 'ili' AND jsonb_typeof("document" -> 'objections' -> 'result') = 'object'
   AND NOT (("document" -> 'objections' -> 'result') ? 'effects')
   AND "document" -> 'objections' -> 'result' ->> 'basis' = '第二十一条';
UPDATE "policy_version"
   SET "document" = jsonb_set("document", '{objections,result,effects}',
         '[{"when": "unfounded", "effect": "continue", "basis": "第二十三条"}]'::jsonb)
 WHERE "document" ->> 'key' = 'linxia' AND jsonb_typeof("document" -> 'objections' -> 'result') = 'object'
   AND NOT (("document" -> 'objections' -> 'result') ? 'effects')
   AND "document" -> 'objections' -> 'result' ->> 'basis' = '第二十三条';
ALTER TABLE "policy_version" ENABLE TRIGGER "policy_version_immutable";
ALTER TABLE "policy_version" FORCE ROW LEVEL SECURITY;
