-- The linxia launch policy now names, as a role, who receives reports (the committee office, 第二十四条); its text
-- already did. Rules recorded from the earlier document get the role, instead of the default supervision group.
ALTER TABLE "objection_rules" NO FORCE ROW LEVEL SECURITY;
UPDATE "objection_rules"
   SET "reports" = "reports" || '{"receiverRole": "office"}'::jsonb
 WHERE "policy_key" = 'linxia' AND NOT ("reports" ? 'receiverRole')
   AND "reports" -> 'receiver' ->> 'zh' = '评委办';
ALTER TABLE "objection_rules" FORCE ROW LEVEL SECURITY;
