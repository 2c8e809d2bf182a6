-- Corrections found by reading the seeds against the launch policies (issue 11). The texts did not change, only how
-- they were read, so stored documents of the launch policies get the same corrections (each guarded by the rule's id
-- and article, so a document an operator wrote differently is left alone):
-- - accidents are graded (一般 general / 较大 larger / 重大 major / 特别重大 especially major) and each rule names the
--   grades its article counts: ili 第八条（三）、第二十九条, linxia 第十条（六）、第三十九条（一）, xinzhou-city 第十条、第二十八条
--   from 重大; inner-mongolia 第十条（五） any, 第二十四条 较大 quality and safety accidents; xinzhou-district 第九条（三） any
--   liability accident, 第十七条（二） 重大, or any work-safety accident;
-- - where the regulation sets up no body for objections or reports, the office receives them (ili, inner-mongolia,
--   xinzhou-district);
-- - xinzhou-city 第十条: the leading group records a waiver of the years; 第六条、第十七条、第二十七条: the leading group and
--   the supervision group are independent of the office.
-- Policy versions are immutable to every role; this migration (run by the schema's owner) lifts the trigger for its
-- own statements only.
ALTER TABLE "policy_version" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "policy_version" DISABLE TRIGGER "policy_version_immutable";

CREATE FUNCTION "laurel_grade_accidents"(doc jsonb, section text, list text, rule_id text, rule_basis text, accidents jsonb)
RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_set(doc, ARRAY[section], COALESCE((
    SELECT jsonb_agg(
      CASE WHEN e ->> 'id' = rule_id AND e ->> 'basis' = rule_basis AND NOT (e ? 'accidents')
        THEN e || jsonb_build_object('accidents', accidents, list, (
          SELECT jsonb_agg(CASE WHEN k = '"major_accident"'::jsonb THEN '"accident"'::jsonb ELSE k END ORDER BY o)
            FROM jsonb_array_elements(e -> list) WITH ORDINALITY AS u(k, o)))
        ELSE e END
      ORDER BY ord)
    FROM jsonb_array_elements(doc -> section) WITH ORDINALITY AS t(e, ord)), '[]'::jsonb))
$$;

CREATE FUNCTION "laurel_set_text"(doc jsonb, path text[], old text, new text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN doc #>> path = old THEN jsonb_set(doc, path, to_jsonb(new)) ELSE doc END
$$;

-- ili
UPDATE "policy_version" SET "document" = "laurel_grade_accidents"(
    "laurel_grade_accidents"("document", 'eligibility', 'incidents', 'no-major-incidents', '第八条（三）',
      '[{"areas": null, "atLeast": "major", "basis": "第八条（三）"}]'),
    'consequences', 'events', 'post-award-events', '第二十九条',
    '[{"areas": null, "atLeast": "major", "basis": "第二十九条"}]')
 WHERE "document" ->> 'key' = 'ili';
UPDATE "policy_version" SET "document" = jsonb_set("document", '{reports}', ("document" -> 'reports') || '{"receiverRole": "office"}')
 WHERE "document" ->> 'key' = 'ili' AND NOT (("document" -> 'reports') ? 'receiverRole')
   AND ("document" -> 'reports' ->> 'provided')::boolean = false;

-- inner-mongolia
UPDATE "policy_version" SET "document" = "laurel_grade_accidents"(
    "laurel_grade_accidents"("document", 'eligibility', 'incidents', 'no-incidents', '第十条（五）',
      '[{"areas": null, "atLeast": "general", "basis": "第十条（五）"}]'),
    'consequences', 'events', 'post-award-events', '第二十四条',
    '[{"areas": ["quality", "safety"], "atLeast": "larger", "basis": "第二十四条", "note": "较大质量和安全事故: quality and safety accidents graded 较大 or worse; work-safety accidents are safety accidents."}]')
 WHERE "document" ->> 'key' = 'inner-mongolia';
UPDATE "policy_version" SET "document" = "laurel_set_text"("document", '{consequences,1,note}',
    'The text says 较大 (larger) accidents, a grade below 重大; mapped to major_accident. No recovery, clawback or ban is stated.',
    'The text says 较大 (larger) accidents, a grade below 重大: quality and safety accidents graded 较大 or worse count (`accidents`). No recovery, clawback or ban is stated.')
 WHERE "document" ->> 'key' = 'inner-mongolia' AND "document" #>> '{consequences,1,id}' = 'post-award-events';
UPDATE "policy_version" SET "document" = jsonb_set("document", '{reports}', ("document" -> 'reports') || '{"receiverRole": "office", "note": "The regulation sets up no body for reports: the office (领导小组办公室, 第八条) receives them."}')
 WHERE "document" ->> 'key' = 'inner-mongolia' AND NOT (("document" -> 'reports') ? 'receiverRole')
   AND ("document" -> 'reports' ->> 'provided')::boolean = false;
UPDATE "policy_version" SET "document" = jsonb_set("document", '{objections}', ("document" -> 'objections') || '{"receiverRole": "office"}')
 WHERE "document" ->> 'key' = 'inner-mongolia' AND NOT (("document" -> 'objections') ? 'receiverRole')
   AND ("document" -> 'objections' ->> 'provided')::boolean = false;

-- linxia
UPDATE "policy_version" SET "document" = "laurel_grade_accidents"(
    "laurel_grade_accidents"("document", 'eligibility', 'incidents', 'no-major-incidents', '第十条（六）',
      '[{"areas": null, "atLeast": "major", "basis": "第十条（六）"}]'),
    'consequences', 'events', 'post-award-events', '第三十九条',
    '[{"areas": null, "atLeast": "major", "basis": "第三十九条（一）"}]')
 WHERE "document" ->> 'key' = 'linxia';
UPDATE "policy_version" SET "document" = "laurel_set_text"("document", '{reports,note}',
    'Anyone may report illegal or irregular conduct in acceptance or review; the text says nothing of anonymity or confidentiality.',
    'Anyone may report illegal or irregular conduct in acceptance or review; the text says nothing of anonymity or confidentiality, so anonymous reports are taken and the committee office decides what to do with them.')
 WHERE "document" ->> 'key' = 'linxia';

-- xinzhou-city
UPDATE "policy_version" SET "document" = "laurel_grade_accidents"(
    "laurel_grade_accidents"("document", 'eligibility', 'incidents', 'no-major-accidents', '第十条',
      '[{"areas": null, "atLeast": "major", "basis": "第十条"}]'),
    'consequences', 'events', 'revocation', '第二十八条',
    '[{"areas": null, "atLeast": "major", "basis": "第二十八条"}]')
 WHERE "document" ->> 'key' = 'xinzhou-city';
UPDATE "policy_version" SET "document" = jsonb_set("document", '{eligibility}', COALESCE((
    SELECT jsonb_agg(
      CASE WHEN e ->> 'id' = 'years-operating' AND e -> 'waiver' ->> 'basis' = '第十条'
             AND e -> 'waiver' -> 'by' ->> 'zh' = '领导小组' AND NOT ((e -> 'waiver') ? 'decidedBy')
        THEN jsonb_set(e, '{waiver}', (e -> 'waiver') || '{"decidedBy": "leading_group"}')
        ELSE e END
      ORDER BY ord)
    FROM jsonb_array_elements("document" -> 'eligibility') WITH ORDINALITY AS t(e, ord)), '[]'::jsonb))
 WHERE "document" ->> 'key' = 'xinzhou-city';
UPDATE "policy_version" SET "document" = "document" || '{"bodies": [
    {"role": "leading_group", "name": {"zh": "忻州市标准化和质量强市领导小组", "en": "The leading group"}, "independentOfOffice": true, "basis": "第六条; 第十条", "note": "It directs and supervises the selection, handles objections (第六条) and approves waivers (第十条); the office works for it (第七条)."},
    {"role": "supervisor", "name": {"zh": "监督组", "en": "The supervision group"}, "independentOfOffice": true, "basis": "第十七条; 第二十七条", "note": "Set up by the leading group to supervise the selection the office runs (第十七条); it receives complaints and reports and keeps reporters confidential (第二十七条)."}
  ]}'::jsonb
 WHERE "document" ->> 'key' = 'xinzhou-city' AND NOT ("document" ? 'bodies')
   AND "document" -> 'reports' ->> 'basis' = '第二十七条';

-- xinzhou-district
UPDATE "policy_version" SET "document" = "laurel_grade_accidents"(
    "laurel_grade_accidents"("document", 'eligibility', 'incidents', 'no-liability-accidents', '第九条（三）',
      '[{"areas": null, "atLeast": "general", "basis": "第九条（三）"}]'),
    'consequences', 'events', 'within-half-a-year', '第十七条',
    '[{"areas": null, "atLeast": "major", "basis": "第十七条（二）", "note": "发生重大质量、安全、环保、卫生等事故"},
      {"areas": ["work_safety"], "atLeast": "larger", "basis": "第十七条（二）", "note": "发生较大以上安全生产事故"},
      {"areas": ["work_safety"], "atLeast": "general", "basis": "第十七条（二）", "note": "或发生安全生产事故: any work-safety accident, whatever its grade"}]')
 WHERE "document" ->> 'key' = 'xinzhou-district';
UPDATE "policy_version" SET "document" = "laurel_set_text"("laurel_set_text"("document", '{consequences,0,description,zh}',
    '获奖后半年内弄虚作假、发生重大事故、抽查不合格、重大质量投诉、出口产品被通报、严重经营性亏损或其他严重违法行为的，提请区政府撤销奖项，收回奖牌、证书，追缴奖金，向社会公告，5年内不得参加申报考核',
    '获奖后半年内弄虚作假、发生重大事故或任何安全生产事故、抽查不合格、重大质量投诉、出口产品被通报、严重经营性亏损或其他严重违法行为的，提请区政府撤销奖项，收回奖牌、证书，追缴奖金，向社会公告，5年内不得参加申报考核'),
    '{consequences,0,description,en}',
    'Within half a year of the award: fraud, major accident, failed spot check, verified major complaint, export quality notice, severe losses or other serious violations: revoked by the district government, plaque and certificate recovered, prize clawed back, announced, no application for 5 years',
    'Within half a year of the award: fraud, a major accident or any work-safety accident, failed spot check, verified major complaint, export quality notice, severe losses or other serious violations: revoked by the district government, plaque and certificate recovered, prize clawed back, announced, no application for 5 years')
 WHERE "document" ->> 'key' = 'xinzhou-district';
UPDATE "policy_version" SET "document" = jsonb_set("document", '{reports}', ("document" -> 'reports') || '{"receiverRole": "office", "note": "The regulation sets up no body for reports: the office (区质量强区办, 第七条) receives them."}')
 WHERE "document" ->> 'key' = 'xinzhou-district' AND NOT (("document" -> 'reports') ? 'receiverRole')
   AND ("document" -> 'reports' ->> 'provided')::boolean = false;
UPDATE "policy_version" SET "document" = jsonb_set("document", '{objections}', ("document" -> 'objections') || '{"receiverRole": "office"}')
 WHERE "document" ->> 'key' = 'xinzhou-district' AND NOT (("document" -> 'objections') ? 'receiverRole')
   AND ("document" -> 'objections' ->> 'provided')::boolean = false;

DROP FUNCTION "laurel_grade_accidents"(jsonb, text, text, text, text, jsonb);
DROP FUNCTION "laurel_set_text"(jsonb, text[], text, text);
ALTER TABLE "policy_version" ENABLE TRIGGER "policy_version_immutable";
ALTER TABLE "policy_version" FORCE ROW LEVEL SECURITY;
