import type { FieldError, LoadedRubricView, RubricLoadBody } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { type Rubric, rubricForStandard, rubricSchema } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../reviews-prisma';
import { ScoringPolicy } from '../scoring/scoring-policy.service';
import { onUniqueViolation } from '../unique-violation.util';
import { LoadedRubricRepository, type LoadedRubricRow } from './loaded-rubric.repository';
import { rubricDoesNotAddUp, standardEncoded, standardNotNamed } from './rubric.errors';

/** "DB14/T 1463" → "db14t-1463": the key every version of a standard's loaded rubric shares. */
export const rubricKeyOf = (standard: string) =>
  `${standard
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^([a-z0-9]+)-t-/, '$1t-')}`.replace(/^(?![a-z])/, 'r-');

const toView = (row: LoadedRubricRow): LoadedRubricView => {
  const document = row.document as unknown as Rubric;
  return {
    key: row.rubricKey,
    version: row.version,
    standard: row.standard,
    title: document.title,
    appliesTo: document.appliesTo,
    total: row.total,
    items: document.categories.reduce((count, category) => count + category.items.length, 0),
    source: { document: row.sourceDocument, citation: row.sourceCitation, url: row.sourceUrl },
    loadedBy: row.loadedBy,
    loadedAt: row.loadedAt.toISOString(),
  };
};

/**
 * The office loads a rubric from a standard's text where the platform encodes none (xinzhou-city 第十三条): checked
 * (items add up to their category, categories to the declared total, keys unique, the standard one the policy names),
 * stored as the next version with its source, who and when, and audited. Never invented: every figure is the office's
 * transcription of the cited source.
 */
@Injectable()
export class RubricLoadService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly loaded: LoadedRubricRepository,
    private readonly scoring: ScoringPolicy,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<{ rubrics: LoadedRubricView[] }> {
    return this.database.inTenant(async (tx) => ({ rubrics: (await this.loaded.all(tx)).map(toView) }));
  }

  async load(body: RubricLoadBody): Promise<LoadedRubricView> {
    const policy = await this.scoring.policy();
    const named = policy.scoring.standards.flatMap((standard) => (standard.code ? [standard.code] : []));
    if (!named.includes(body.standard)) throw standardNotNamed(body.standard, named);
    if (rubricForStandard(body.standard)) throw standardEncoded(body.standard);
    const key = rubricKeyOf(body.standard);
    const draft = (version: number) => ({
      schemaVersion: 1 as const,
      key,
      version,
      standard: body.standard,
      title: { zh: body.title.zh, en: body.title.en || body.title.zh },
      appliesTo: body.appliesTo,
      step: body.step,
      stepSource: 'standard' as const,
      note: `${body.source.document}; ${body.source.citation}${body.note ? `. ${body.note}` : ''}`,
      categories: body.categories.map((category) => ({
        key: category.key,
        clause: category.clause,
        name: { zh: category.name.zh, en: category.name.en || category.name.zh },
        points: category.points,
        pointsSource: 'standard' as const,
        items: category.items.map((item) => ({
          key: item.key,
          clause: item.clause,
          name: { zh: item.name.zh, en: item.name.en || item.name.zh },
          points: item.points,
          pointsSource: 'standard' as const,
        })),
      })),
    });
    const checked = rubricSchema.safeParse(draft(1));
    const fields: FieldError[] = checked.success
      ? []
      : checked.error.issues.map((issue) => ({
          field: ['body', ...issue.path].join('.'),
          reason: { zh: issue.message, en: issue.message },
        }));
    const sum = body.categories.reduce((total, category) => total + category.points, 0);
    if (sum !== body.total) {
      fields.push({
        field: 'body.total',
        reason: {
          zh: `各类目合计 ${sum} 分，与总分 ${body.total} 不符`,
          en: `categories add up to ${sum}, not ${body.total}`,
        },
      });
    }
    if (fields.length > 0) throw rubricDoesNotAddUp(fields);
    const store = () =>
      this.database.inTenant(async (tx) => {
        const version = (await this.loaded.latestVersion(tx, key)) + 1;
        const row = await this.loaded.create(tx, {
          rubricKey: key,
          version,
          standard: body.standard,
          total: body.total,
          document: draft(version),
          sourceDocument: body.source.document,
          sourceCitation: body.source.citation,
          sourceUrl: body.source.url,
          loadedBy: acting().label,
          loadedAt: this.clock.now(),
        });
        await this.audit.record(tx, {
          action: 'rubric.load',
          targetType: 'rubric',
          targetId: `${key}@${version}`,
          basis: `${policy.key} ${policy.scoring.basis}`,
          before: null,
          after: { standard: body.standard, version, total: body.total, source: body.source },
        });
        return toView(row);
      });
    // Two loads at once: the one that lost the version number takes the next one.
    return onUniqueViolation(store, store);
  }
}
