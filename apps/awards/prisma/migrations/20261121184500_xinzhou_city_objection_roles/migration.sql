-- The xinzhou-city launch policy now names, as roles, who receives objections (the supervision group, 第二十七条) and
-- who decides them (the leading group, 第六条); its text already did. Stored documents of that policy get the roles.
ALTER TABLE "policy_version" NO FORCE ROW LEVEL SECURITY;
UPDATE "policy_version"
   SET "document" = jsonb_set(
         "document", '{objections}',
         ("document" -> 'objections') || '{"receiverRole": "supervisor", "deciderRole": "leading_group"}'::jsonb)
 WHERE "document" ->> 'key' = 'xinzhou-city' AND NOT (("document" -> 'objections') ? 'receiverRole')
   AND "document" -> 'objections' -> 'receiver' ->> 'zh' = '监督组';
ALTER TABLE "policy_version" FORCE ROW LEVEL SECURITY;
