-- The linxia launch policy now names, as a role, who receives reports (the committee office, 第二十四条); its text
-- already did. Stored documents of that policy get the role.
ALTER TABLE "policy_version" NO FORCE ROW LEVEL SECURITY;
UPDATE "policy_version"
   SET "document" = jsonb_set("document", '{reports}', ("document" -> 'reports') || '{"receiverRole": "office"}'::jsonb)
 WHERE "document" ->> 'key' = 'linxia' AND NOT (("document" -> 'reports') ? 'receiverRole')
   AND "document" -> 'reports' -> 'receiver' ->> 'zh' = '评委办';
ALTER TABLE "policy_version" FORCE ROW LEVEL SECURITY;
