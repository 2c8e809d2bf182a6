import { accidentThresholdsOf, describeThreshold, namesAccidents } from './accident-threshold.util';
import { both, cite, kindNames, NOT_TRANSCRIBED, noteLine, notTranscribed, tierLines } from './explain-tiers.util';
import type {
  ConsequenceRule,
  EligibilityRule,
  LocalizedText,
  Period,
  Policy,
  ReportObligation,
} from './policy.schema';
import { reportReceiverRole } from './report-rules.util';

const levelNames: Readonly<Record<Policy['level'], LocalizedText>> = {
  province: { zh: '省级', en: 'province' },
  prefecture: { zh: '州（地）级', en: 'prefecture' },
  city: { zh: '市级', en: 'city' },
  county: { zh: '县级', en: 'county' },
  district: { zh: '区级', en: 'district' },
};

const eventNames: Readonly<Record<ConsequenceRule['events'][number], LocalizedText>> = {
  false_materials: { zh: '提供虚假材料', en: 'false materials' },
  fraud_or_bribery: { zh: '以欺骗、贿赂等不正当手段获奖', en: 'fraud or bribery' },
  accident: { zh: '事故', en: 'accident' },
  major_accident: { zh: '重大事故', en: 'major accident' },
  serious_violation: { zh: '严重违法违规', en: 'serious violation' },
  discredit_record: { zh: '不良信用记录', en: 'discredit record' },
  regulation_breach: { zh: '违反本办法', en: 'breach of the regulation' },
  major_quality_problem: { zh: '重大质量问题', en: 'major quality problem' },
  verified_major_complaint: { zh: '重大质量投诉查证属实', en: 'verified major complaint' },
  severe_operating_loss: { zh: '严重经营性亏损', en: 'severe operating loss' },
  failed_spot_check: { zh: '抽查不合格', en: 'failed spot check' },
  export_quality_notice: { zh: '出口产品被通报', en: 'export quality notice' },
  title_misuse: { zh: '违规使用称号或标识', en: 'misuse of the title' },
  refusing_duties: { zh: '拒绝履行责任义务', en: 'refusing duties' },
  failed_periodic_evaluation: { zh: '复评（定期评价）不合格', en: 'failed periodic evaluation' },
  other_serious_violation: { zh: '其他严重违法行为', en: 'other serious violation' },
};

function period(value: Period | null): string {
  if (value === null) return '未规定期限，由办公室确定 / no period stated: the office sets it';
  const zhUnit = value.unit === 'working_days' ? '个工作日' : '天';
  const enUnit = value.unit === 'working_days' ? 'working days' : 'calendar days';
  const p = value.inPrinciple ? { zh: '原则上', en: 'in principle ' } : { zh: '', en: '' };
  return value.minimum
    ? `${p.zh}不少于${value.count}${zhUnit} / ${p.en}at least ${value.count} ${enUnit}`
    : `${p.zh}${value.count}${zhUnit} / ${p.en}${value.count} ${enUnit}`;
}

/** "计入 counts: 重大以上各类事故 / any accidents graded major or worse（第十条）" for a rule that names accidents. */
function accidents(rule: Parameters<typeof accidentThresholdsOf>[0]): string {
  const thresholds = accidentThresholdsOf(rule).map((threshold) => {
    const text = describeThreshold(threshold);
    return `${text.zh} / ${text.en}${cite(threshold.basis)}`;
  });
  return `      事故计入 Accidents counted: ${thresholds.join('; ')}`;
}

function eligibility(rule: EligibilityRule): string[] {
  const who = rule.appliesTo.map((kind) => kindNames[kind]?.zh ?? kind).join('、');
  const flag = rule.kind === 'attestation' ? ' [人工核实 / checked by a person]' : '';
  const waiver =
    rule.kind === 'min_years_operating' && rule.waiver
      ? ` [${rule.waiver.by.zh}可放宽 / ${rule.waiver.by.en} may waive (role ${rule.waiver.decidedBy ?? 'office'})${cite(rule.waiver.basis)}]`
      : '';
  const employer = rule.kind === 'no_incidents' && rule.subject === 'employer' ? ' [所在组织 / of the employer]' : '';
  const lines = [`  - [${who}] ${both(rule.description)}${cite(rule.basis)}${flag}${waiver}${employer}`];
  if (rule.kind === 'no_incidents' && namesAccidents(rule.incidents)) lines.push(accidents(rule));
  lines.push(...noteLine(rule.note));
  return lines;
}

function consequence(rule: ConsequenceRule, cycleYears: number): string[] {
  const events = rule.events.map((event) => eventNames[event].zh).join('、');
  const eventsEn = rule.events.map((event) => eventNames[event].en).join(', ');
  const window =
    rule.window.kind === 'any_time'
      ? '任何时候 / at any time'
      : `获奖后${rule.window.length.count}${rule.window.length.unit === 'years' ? '年' : '个月'}内 / within ${rule.window.length.count} ${rule.window.length.unit} of the award`;
  const actions: string[] = [];
  const a = rule.actions;
  if (a.investigation) actions.push(`调查 investigation: ${both(a.investigation.by)}`);
  if (a.approval) actions.push(`须批准 approval: ${both(a.approval.by)}`);
  if (a.revoke) actions.push('撤销 revoke');
  if (a.recoverCertificateAndPlaque) actions.push('收回证书奖牌 recover certificate and plaque');
  if (a.clawback) actions.push('追缴资金 claw back money');
  if (a.stopUsingTitle) actions.push('停止使用称号 stop using the title');
  if (a.ban) {
    const from = a.ban.from === 'revocation_year' ? '，自撤销当年起 / from the year of revocation' : '';
    actions.push(
      a.ban.unit === 'permanent'
        ? `不再受理其申报 permanent ban${from}`
        : a.ban.unit === 'years'
          ? `${a.ban.count}年内不受理 ban ${a.ban.count} years`
          : `${a.ban.count}个评选周期内不得申报 ban ${a.ban.count} cycles (${a.ban.count * cycleYears} years)${from}`,
    );
  }
  if (a.creditRecord) actions.push(`信用记录 credit record: ${both(a.creditRecord.system)}`);
  if (a.publish) actions.push('向社会公开 publish');
  if (a.summons) actions.push(`约谈 summons: ${both(a.summons.by)}`);
  if (a.rectification) {
    const within = a.rectification.within
      ? `${a.rectification.within.count}${a.rectification.within.unit === 'months' ? '个月' : '日'}内 / within ${a.rectification.within.count} ${a.rectification.within.unit}`
      : '期限由办公室确定 / the office sets the period';
    const failing = a.rectification.failing ? `；逾期未整改适用 / if not rectified: ${a.rectification.failing}` : '';
    actions.push(`责令整改 rectification order: ${both(a.rectification.by)}, ${within}${failing}`);
  }
  const lines = [`  - ${events} / ${eventsEn} — ${window}${cite(rule.basis)}`];
  if (namesAccidents(rule.events)) lines.push(accidents(rule));
  lines.push(`      ${actions.join('; ')}`);
  lines.push(...noteLine(rule.note));
  return lines;
}

function obligation(report: ReportObligation): string[] {
  const s = report.schedule;
  const when =
    s.kind === 'annual_in_month'
      ? `每年${s.month}月 / every ${s.month === 7 ? 'July' : `month ${s.month}`}, ${s.until.kind === 'title_validity' ? '称号有效期内 / while the title is valid' : `获奖后${s.until.years}年 / for ${s.until.years} years`}`
      : s.kind === 'annual_after_award'
        ? `获奖后${s.years}年内每年 / every year for ${s.years} years${s.due.kind === 'set_by_office' ? '（报送日期由办公室确定 / due date set by the office）' : ''}`
        : s.kind === 'on_event'
          ? `发生时 / when it happens: ${both(s.event)}`
          : '应要求 / on request';
  return [
    `  - ${both(report.name)} → ${both(report.recipient)}: ${when}${cite(report.basis)}`,
    ...noteLine(report.note),
  ];
}

/** What the operator recorded for readers: the document's notes and readings, and the parts left to transcribe. */
function readings(policy: Policy): string[] {
  const lines: string[] = [];
  const notes = [policy.regulation.note, ...(policy.notes ?? [])].filter((n): n is string => Boolean(n));
  if (notes.length > 0) {
    lines.push('', '说明与读法 Notes and readings:');
    for (const note of notes) lines.push(`  - ${note}`);
  }
  if ((policy.untranscribed ?? []).length > 0) {
    lines.push('', `${NOT_TRANSCRIBED}:`);
    for (const entry of policy.untranscribed ?? [])
      lines.push(`  - ${entry.section}${cite(entry.basis)}${entry.note ? `: ${entry.note}` : ''}`);
  }
  return lines;
}

/** A readable summary of a policy in Chinese and English (what `policy explain` prints). */
export function explainPolicy(policy: Policy): string {
  const { regulation } = policy;
  const lines: string[] = [];
  lines.push(`${both(policy.name)}  [${policy.key} v${policy.version}, ${both(levelNames[policy.level])}]`);
  lines.push(
    `法规 Regulation: ${both(regulation.title)}${regulation.documentNumber ? `（${regulation.documentNumber}）` : ''}`,
  );
  lines.push(`  印发 Issued: ${regulation.issued} — ${both(regulation.issuer)}`);
  const inForceNote =
    regulation.inForce.rule === 'days_after_publication'
      ? `；公布之日起${regulation.inForce.days}日后 / ${regulation.inForce.days} days after publication`
      : '';
  const monthOnly = regulation.inForce.rule !== 'days_after_publication' && regulation.inForce.textGives === 'month';
  lines.push(
    `  施行 In force: ${regulation.inForce.date}${monthOnly ? '（原文只写月份，日期为读法 / the text gives the month; the day is a reading）' : ''}${cite(regulation.inForce.basis)}${inForceNote}`,
  );
  lines.push(...noteLine(regulation.inForce.note, '    '));
  lines.push(
    `  失效 Expires: ${regulation.expires ? `${regulation.expires.date}${cite(regulation.expires.basis)}` : (notTranscribed(policy, 'regulation.expires') ?? '未规定 / not stated')}`,
  );
  if (regulation.replaces) {
    lines.push(
      `  废止 Replaces: ${regulation.replaces.title.zh}${regulation.replaces.documentNumber ? `（${regulation.replaces.documentNumber}）` : ''}${cite(regulation.replaces.basis)}`,
    );
  }
  lines.push('');
  const cyclePrinciple = policy.cycle.inPrinciple ? { zh: '原则上', en: 'in principle ' } : { zh: '', en: '' };
  lines.push(
    `评选周期 Cycle: ${cyclePrinciple.zh}每${policy.cycle.years}年一届 / ${cyclePrinciple.en}every ${policy.cycle.years} year(s)${cite(policy.cycle.basis)}`,
  );
  lines.push(...noteLine(policy.cycle.note, '  '));
  lines.push('申报对象 Who may apply:');
  for (const entry of policy.applicants.kinds) {
    const name = kindNames[entry.kind] ?? { zh: entry.kind, en: entry.kind };
    lines.push(`  - ${name.zh} ${name.en}: ${both(entry.description)}${cite(entry.basis)}`);
    lines.push(...noteLine(entry.note));
  }
  lines.push('');
  lines.push('奖项 Tiers:');
  for (const tier of policy.tiers) lines.push(...tierLines(tier, policy));
  const budgets = policy.funding.budget.map(
    (budget) => `${both(budget.source)}${budget.earmarked ? '，专款专用 / earmarked' : ''}${cite(budget.basis)}`,
  );
  const fundingPending = notTranscribed(policy, 'funding');
  if (fundingPending) lines.push(`  经费 Budget: ${fundingPending}`);
  else if (budgets.length > 0) lines.push(`  经费 Budget: ${budgets.join('; ')}`);
  if (fundingPending && !policy.funding.use) {
    lines.push(`  资金用途 Use of money: ${fundingPending}`);
  } else if (policy.funding.use) {
    lines.push(
      `  资金用途 Use of money${policy.funding.use.restricted ? '（限定 restricted）' : '（主要用于 mainly）'}: ${policy.funding.use.purposes.map((purpose) => purpose.zh).join('、')}${policy.funding.use.performanceEvaluation ? '；配合绩效评价 / performance evaluation' : ''}${cite(policy.funding.use.basis)}`,
    );
  } else {
    lines.push('  资金用途 Use of money: 未规定（不限定用途，无须报告使用情况）/ not stated: no restricted use');
  }
  lines.push('');
  lines.push('申报条件 Eligibility:');
  for (const rule of policy.eligibility) lines.push(...eligibility(rule));
  const eligibilityPending = notTranscribed(policy, 'eligibility');
  if (eligibilityPending) lines.push(`  - ${eligibilityPending}`);
  lines.push('');
  lines.push(
    `程序 Procedure${policy.procedure.stagesExhaustive ? '' : '（包括但不限于 / not limited to these stages）'}:`,
  );
  for (const stage of policy.procedure.stages) {
    lines.push(
      `  ${stage.order}. ${both(stage.name)}${stage.actor ? ` — ${both(stage.actor)}` : ''}${cite(stage.basis)}`,
    );
    for (const notice of policy.procedure.notices.filter((candidate) => candidate.stage === stage.key)) {
      const what =
        notice.form === 'consultation'
          ? '公开征求意见 Public consultation'
          : notice.scope === 'internal'
            ? '内部公示 Internal notice'
            : '公示 Public notice';
      lines.push(
        `       ${what}: ${notice.period === null ? (notTranscribed(policy, 'procedure.notices') ?? period(null)) : period(notice.period)}${notice.channel ? `，${both(notice.channel)}` : ''}${cite(notice.basis)}`,
      );
      lines.push(...noteLine(notice.note, '         '));
    }
  }
  lines.push(
    `评审标准 Scoring: ${policy.scoring.standards.map((standard) => `${standard.code ?? ''} ${standard.title.zh}`.trim()).join('；')}${cite(policy.scoring.basis)}`,
  );
  lines.push('');
  const o = policy.objections;
  const objectionsPending = notTranscribed(policy, 'objections');
  if (!o.provided && objectionsPending) {
    lines.push(`异议 Objections: ${objectionsPending}`);
  } else if (!o.provided) {
    lines.push(
      `异议 Objections: 办法未规定异议程序，由办公室处理 / no procedure stated: the office decides (role ${o.receiverRole ?? 'office'})`,
    );
  } else {
    lines.push(`异议 Objections${cite(o.basis)}:`);
    const receiverRole = o.receiverRole ?? 'office';
    lines.push(`  受理 Received by: ${o.receiver ? both(o.receiver) : '未规定 / not stated'} (role ${receiverRole})`);
    if (o.decidedBy) lines.push(`  处理 Decided by: ${both(o.decidedBy)} (role ${o.deciderRole ?? receiverRole})`);
    const form = [
      o.inWriting ? '书面 in writing' : null,
      o.evidenceRequired ? '附证明材料 with evidence' : null,
    ].filter((item): item is string => item !== null);
    if (form.length > 0) lines.push(`  形式 Form: ${form.join('; ')}`);
    if (o.identity) {
      lines.push(
        `  身份要求 Identity: 个人 person ${o.identity.person.join(', ')}; 单位 organisation ${o.identity.organisation.join(', ')}${cite(o.identity.basis)}`,
      );
    }
    lines.push(
      `  审查期限 Examined within: ${o.examination ? `${period(o.examination.period)}，自收到之日起 / from receipt${cite(o.examination.basis)}` : '未规定 / not stated'}`,
    );
  }
  const r = policy.reports;
  const reportsPending = notTranscribed(policy, 'reports');
  if (!r.provided && reportsPending) {
    lines.push(`举报 Reports: ${reportsPending}`);
  } else if (!r.provided) {
    lines.push(
      `举报 Reports: 未规定，由办公室受理 / not provided for: the office receives them (role ${reportReceiverRole(r)})`,
    );
  } else {
    lines.push(`举报 Reports${cite(r.basis)}:`);
    lines.push(
      `  受理 Received by: ${r.receiver ? both(r.receiver) : '未规定 / not stated'} (role ${reportReceiverRole(r)})`,
    );
    const anonymous =
      r.anonymousAllowed === null
        ? '未规定，予以受理，由受理机构处理 / not stated: taken, the receiver decides'
        : r.anonymousAllowed
          ? '可以 / allowed'
          : '不可 / not allowed';
    lines.push(
      `  匿名举报 Anonymous: ${anonymous}${r.realNameEncouraged ? '（提倡实名 / real names encouraged）' : ''}`,
    );
    if (r.reporterConfidential) lines.push('  为举报人保密 / the reporter is kept confidential');
  }
  for (const body of policy.bodies ?? []) {
    lines.push(
      `机构 Body: ${both(body.name)} (role ${body.role})${body.independentOfOffice ? '，独立于办公室，账号由平台运维创建 / independent of the office: the operator creates its accounts' : ''}${cite(body.basis)}`,
    );
  }
  lines.push('');
  lines.push('后果 Consequences:');
  const consequencesPending = notTranscribed(policy, 'consequences');
  if (consequencesPending) lines.push(`  - ${consequencesPending}`);
  else if (policy.consequences.length === 0) lines.push('  - 未规定 / none stated');
  for (const rule of policy.consequences) lines.push(...consequence(rule, policy.cycle.years));
  lines.push('');
  lines.push('获奖后义务 Obligations:');
  const reportsDuePending = notTranscribed(policy, 'obligations.reports');
  if (reportsDuePending) lines.push(`  - 报告 Reports: ${reportsDuePending}`);
  else if (policy.obligations.reports.length === 0) lines.push('  - 无报告义务 / no reports');
  for (const report of policy.obligations.reports) lines.push(...obligation(report));
  const use = policy.obligations.titleUse;
  if (use) {
    lines.push(
      `  - 称号使用 Use of the title: ${use.mustStateYear ? '须注明获奖年份 / state the year; ' : ''}禁止 forbidden: ${use.forbidden.join(', ')}${cite(use.basis)}`,
    );
    lines.push(...noteLine(use.note));
  } else {
    const titleUsePending = notTranscribed(policy, 'obligations.titleUse');
    if (titleUsePending) lines.push(`  - 称号使用 Use of the title: ${titleUsePending}`);
  }
  lines.push(...readings(policy));
  return `${lines.join('\n')}\n`;
}
