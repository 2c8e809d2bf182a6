import type { ResponseOf } from '../../api/api-types';

export type Vote = ResponseOf<'/api/v1/tenants/{tenantKey}/votes/{id}', 'get'>;
export type Ballot = ResponseOf<'/api/v1/tenants/{tenantKey}/votes/{id}/ballots/mine', 'get'>;
export type Deliberation = ResponseOf<'/api/v1/tenants/{tenantKey}/deliberations', 'get'>['deliberations'][number];
export type CandidateList = ResponseOf<'/api/v1/tenants/{tenantKey}/candidate-lists/{cycleNumber}', 'get'>;

/** How a vote's and a ballot's state read. */
export const VOTE_STATUS = {
  draft: { zh: '准备中', en: 'Draft', color: 'default' },
  open: { zh: '投票中', en: 'Open', color: 'processing' },
  tallied: { zh: '已计票', en: 'Tallied', color: 'success' },
} as const;
export const BALLOT_STATUS = {
  draft: { zh: '未投出', en: 'Not cast', color: 'warning' },
  cast: { zh: '已投出', en: 'Cast', color: 'success' },
} as const;

/** The name of a tier key (`award` → 质量奖), or 不列入 for none. */
export function tierName(tiers: { key: string; name: string }[], key: string | null | undefined): string {
  if (!key || key === 'none') return '不列入';
  return tiers.find((t) => t.key === key)?.name ?? key;
}
