-- The launch policies now state, as data, what a decided objection does (ili 第二十一条; linxia 第二十三条), and
-- `evaluateObjectionOutcome` applies only what they state. Rules recorded from the earlier documents get the effects
-- their text already gave.
ALTER TABLE "objection_rules" NO FORCE ROW LEVEL SECURITY;
UPDATE "objection_rules"
   SET "objections" = jsonb_set("objections", '{result,effects}',
         '[{"when": "unfounded", "effect": "continue", "basis": "第二十一条"},
           {"when": "founded_on_prohibited_ground", "effect": "disqualify", "basis": "第二十一条"}]'::jsonb)
 WHERE "policy_key" = 'ili' AND jsonb_typeof("objections" -> 'result') = 'object'
   AND NOT (("objections" -> 'result') ? 'effects') AND "objections" -> 'result' ->> 'basis' = '第二十一条';
UPDATE "objection_rules"
   SET "objections" = jsonb_set("objections", '{result,effects}',
         '[{"when": "unfounded", "effect": "continue", "basis": "第二十三条"}]'::jsonb)
 WHERE "policy_key" = 'linxia' AND jsonb_typeof("objections" -> 'result') = 'object'
   AND NOT (("objections" -> 'result') ? 'effects') AND "objections" -> 'result' ->> 'basis' = '第二十三条';
ALTER TABLE "objection_rules" FORCE ROW LEVEL SECURITY;
