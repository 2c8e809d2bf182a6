import type { paths } from '../generated/schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON answer (200 or 201) of an operation of the gateway's document. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : never
  : never;

/** The JSON body of an operation of the gateway's document. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Programme = ResponseOf<'/api/v1/public/{tenantKey}/programme', 'get'>;
export type PublicNotice = ResponseOf<'/api/v1/public/{tenantKey}/notices/{id}', 'get'>;
export type PublicNoticeSummary = ResponseOf<'/api/v1/public/{tenantKey}/notices', 'get'>['notices'][number];
export type ObjectionFileBody = BodyOf<'/api/v1/public/{tenantKey}/notices/{id}/objections', 'post'>;
export type ObjectionFiled = ResponseOf<'/api/v1/public/{tenantKey}/notices/{id}/objections', 'post'>;
export type ObjectionTrack = ResponseOf<'/api/v1/public/{tenantKey}/objections/{receiptNumber}', 'get'>;
export type ReportFiled = ResponseOf<'/api/v1/public/{tenantKey}/reports', 'post'>;
export type Objection = ResponseOf<'/api/v1/tenants/{tenantKey}/objections/{id}', 'get'>;
export type Notice = ResponseOf<'/api/v1/tenants/{tenantKey}/notices', 'get'>['notices'][number];
export type Application = ResponseOf<'/api/v1/tenants/{tenantKey}/applications/{id}', 'get'>;
export type ApplicationSummary = ResponseOf<'/api/v1/tenants/{tenantKey}/applications', 'get'>['applications'][number];
export type ApplicationStatus = Application['status'];
export type ReviewStage = ResponseOf<'/api/v1/tenants/{tenantKey}/review-stages/{id}', 'get'>;
export type Panel = ResponseOf<'/api/v1/tenants/{tenantKey}/review-stages/{id}/panel', 'get'>;
export type Assignment = ResponseOf<
  '/api/v1/tenants/{tenantKey}/review-stages/{id}/assignments',
  'get'
>['assignments'][number];
export type MyAssignment = ResponseOf<
  '/api/v1/tenants/{tenantKey}/experts/me/assignments',
  'get'
>['assignments'][number];
export type ScoredStages = ResponseOf<'/api/v1/tenants/{tenantKey}/scoring/stages', 'get'>['stages'];
export type MySheet = ResponseOf<
  '/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/applications/{applicationId}/sheet',
  'get'
>;
export type RubricView = MySheet['rubric'];
export type ScoreSheet = NonNullable<MySheet['sheet']>;
export type ScoreItemBody = BodyOf<
  '/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/applications/{applicationId}/sheet',
  'put'
>['items'][number];
export type StageResult = ResponseOf<
  '/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/results',
  'get'
>;
export type Composite = ResponseOf<'/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/composite', 'get'>;
/** One entitlement's use of award money: the policy's purposes, the use report, the performance evaluation. */
export type UseOfMoney = ResponseOf<'/api/v1/tenants/{tenantKey}/funds/entitlements/{id}/use', 'get'>;
