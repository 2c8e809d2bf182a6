-- The xinzhou-city launch policy now names, as roles, who receives objections (the supervision group, 第二十七条) and
-- who decides them (the leading group, 第六条); its text already did. Rules recorded from the earlier document get
-- the same roles, so its running notices are not handed to the office by the default.
ALTER TABLE "objection_rules" NO FORCE ROW LEVEL SECURITY;
UPDATE "objection_rules"
   SET "objections" = "objections" || '{"receiverRole": "supervisor", "deciderRole": "leading_group"}'::jsonb
 WHERE "policy_key" = 'xinzhou-city' AND NOT ("objections" ? 'receiverRole')
   AND "objections" -> 'receiver' ->> 'zh' = '监督组';
ALTER TABLE "objection_rules" FORCE ROW LEVEL SECURITY;
