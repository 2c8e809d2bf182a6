-- Corrections found by reading the seeds against the launch policies (issue 11); the awards service's stored documents
-- get the same. Where the regulation sets up no body for objections or reports (ili for reports; inner-mongolia and
-- xinzhou-district for both), the office receives them, as the launch documents now say, instead of a supervision
-- group the regulation does not have. linxia 第二十四条 says nothing of anonymity: anonymous reports are taken (the
-- service no longer refuses them), and the note says so.
ALTER TABLE "objection_rules" NO FORCE ROW LEVEL SECURITY;
UPDATE "objection_rules"
   SET "reports" = "reports" || '{"receiverRole": "office"}'::jsonb
 WHERE "policy_key" = 'ili' AND NOT ("reports" ? 'receiverRole') AND ("reports" ->> 'provided')::boolean = false;
UPDATE "objection_rules"
   SET "reports" = "reports" || '{"receiverRole": "office", "note": "The regulation sets up no body for reports: the office (领导小组办公室, 第八条) receives them."}'::jsonb
 WHERE "policy_key" = 'inner-mongolia' AND NOT ("reports" ? 'receiverRole') AND ("reports" ->> 'provided')::boolean = false;
UPDATE "objection_rules"
   SET "reports" = "reports" || '{"receiverRole": "office", "note": "The regulation sets up no body for reports: the office (区质量强区办, 第七条) receives them."}'::jsonb
 WHERE "policy_key" = 'xinzhou-district' AND NOT ("reports" ? 'receiverRole') AND ("reports" ->> 'provided')::boolean = false;
UPDATE "objection_rules"
   SET "objections" = "objections" || '{"receiverRole": "office"}'::jsonb
 WHERE "policy_key" IN ('inner-mongolia', 'xinzhou-district') AND NOT ("objections" ? 'receiverRole')
   AND ("objections" ->> 'provided')::boolean = false;
UPDATE "objection_rules"
   SET "reports" = jsonb_set("reports", '{note}', to_jsonb('Anyone may report illegal or irregular conduct in acceptance or review; the text says nothing of anonymity or confidentiality, so anonymous reports are taken and the committee office decides what to do with them.'::text))
 WHERE "policy_key" = 'linxia' AND "reports" ->> 'note' = 'Anyone may report illegal or irregular conduct in acceptance or review; the text says nothing of anonymity or confidentiality.';
ALTER TABLE "objection_rules" FORCE ROW LEVEL SECURITY;
