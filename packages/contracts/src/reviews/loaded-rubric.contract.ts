import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

const applicantKind = z.enum(['organisation', 'individual']);
const text = z.string().trim().min(1).max(200);
const name = z.object({ zh: text, en: z.string().trim().max(200).default('') }).strict();

/**
 * A rubric the office loads from a standard's text (xinzhou-city 第十三条: DB14/T 1463, 1464): the categories and items
 * with their points as the standard prints them, the declared total, and the source it was read from. Checked before
 * it is stored: the items add up to their category, the categories to the total, keys unique, the standard one the
 * policy names. Loaded again, it is the next version; a loaded version never changes.
 */
export const rubricLoadBody = z
  .object({
    /** The standard's code as the policy names it, e.g. "DB14/T 1463". */
    standard: z.string().trim().min(1).max(60),
    title: name,
    appliesTo: z.array(applicantKind).min(1).max(2),
    /** 1: whole points; 0.5: half points. */
    step: z.union([z.literal(1), z.literal(0.5)]),
    total: z.number().positive().max(100_000),
    categories: z
      .array(
        z
          .object({
            key: z.string().trim().min(1).max(60),
            clause: text,
            name,
            points: z.number().positive(),
            items: z
              .array(
                z
                  .object({ key: z.string().trim().min(1).max(60), clause: text, name, points: z.number().positive() })
                  .strict(),
              )
              .min(1)
              .max(100),
          })
          .strict(),
      )
      .min(1)
      .max(30),
    /** Where the figures were read: the document (code, edition, publisher), the clause or table, and a link. */
    source: z
      .object({
        document: z.string().trim().min(1).max(500),
        citation: z.string().trim().min(1).max(500),
        url: z.url().max(2000).nullable().default(null),
      })
      .strict(),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export type RubricLoadBody = z.infer<typeof rubricLoadBody>;

export const loadedRubricSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  standard: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  appliesTo: z.array(applicantKind),
  total: z.number(),
  items: z.number().int(),
  source: z.object({ document: z.string(), citation: z.string(), url: z.string().nullable() }),
  loadedBy: z.string().nullable(),
  loadedAt: z.iso.datetime({ offset: true }),
});
export type LoadedRubricView = z.infer<typeof loadedRubricSchema>;

/** The office loads a rubric (who, when, from which source); 400 naming every field that does not add up. */
export const rubricLoad = defineCommand('reviews.rubric.load', {
  request: rubricLoadBody,
  response: loadedRubricSchema,
});

/** The rubrics the tenant's office loaded, every version, newest first. */
export const loadedRubricList = defineQuery('reviews.rubric.loaded-list', {
  request: z.object({}).strict(),
  response: z.object({ rubrics: z.array(loadedRubricSchema) }),
});
