import type { StageResultView } from '@laurel/contracts';
import type { ComputedStage, StageSettings } from './compute-stage-result.util';
import type { ConsensusRow, StageCutRow } from './stage-result.repository';

const round2 = (value: number) => Math.round(value * 100) / 100;
const round2OrNull = (value: number | null) => (value === null ? null : round2(value));

export function toStageResultView(input: {
  cycleNumber: number;
  stageKey: string;
  settings: StageSettings;
  computed: ComputedStage;
  consensus: ReadonlyMap<string, ConsensusRow>;
  cut: StageCutRow | null;
  applicantNames: ReadonlyMap<string, string>;
  expertNames: ReadonlyMap<string, string>;
}): StageResultView {
  const { computed, applicantNames, expertNames } = input;
  const applicant = (id: string) => applicantNames.get(id) ?? '';
  return {
    cycleNumber: input.cycleNumber,
    stageKey: input.stageKey,
    settings: { ...input.settings },
    groups: computed.groups.map((group) => ({
      applicantKind: group.applicantKind,
      max: group.max,
      pool: { sheets: group.pool.sheets, mean: round2(group.pool.mean), sd: round2(group.pool.sd) },
      experts: group.experts.map((expert) => ({
        expertId: expert.expertId,
        expertName: expertNames.get(expert.expertId) ?? '',
        sheets: expert.sheets,
        mean: round2(expert.mean),
        sd: round2(expert.sd),
        method: expert.method,
      })),
    })),
    sheets: computed.sheets.map((row) => {
      const consensus = input.consensus.get(row.sheet.sheetId);
      return {
        sheetId: row.sheet.sheetId,
        applicationId: row.sheet.applicationId,
        applicantName: applicant(row.sheet.applicationId),
        expertId: row.sheet.expertId,
        expertName: expertNames.get(row.sheet.expertId) ?? '',
        raw: row.sheet.total,
        counted: row.counted,
        normalised: round2OrNull(row.normalised),
        method: row.method,
        flag: row.flag
          ? {
              reasons: [...row.flag.reasons],
              robustZ: round2(row.flag.robustZ),
              restMedian: row.flag.restMedian,
              gap: round2(row.flag.gap),
            }
          : null,
        consensus: consensus
          ? {
              outcome: consensus.outcome as 'keep' | 'adjust' | 'exclude',
              adjustedTotal: consensus.adjustedTotal,
              reason: consensus.reason,
              decidedBy: consensus.decidedBy,
              decidedAt: consensus.decidedAt.toISOString(),
            }
          : null,
      };
    }),
    applications: computed.applications.map((row) => ({
      applicationId: row.applicationId,
      applicantName: applicant(row.applicationId),
      applicantKind: row.applicantKind,
      sheets: row.sheets,
      raw: round2OrNull(row.raw),
      normalised: round2OrNull(row.normalised),
    })),
    openFlags: computed.openFlags,
    ranking: computed.ranking.map((row) => ({
      applicationId: row.applicationId,
      applicantName: applicant(row.applicationId),
      applicantKind: row.applicantKind as 'organisation' | 'individual',
      score: round2(row.score),
      rank: row.rank,
      tiedWith: [...row.tiedWith],
    })),
    cut: input.cut
      ? {
          toStage: input.cut.toStage,
          count: input.cut.count,
          minScore: input.cut.minScore,
          goesOn: input.cut.goesOn,
          stops: input.cut.stops,
          basis: input.cut.basis,
          reason: input.cut.reason,
          decidedBy: input.cut.decidedBy,
          decidedAt: input.cut.decidedAt.toISOString(),
        }
      : null,
  };
}
