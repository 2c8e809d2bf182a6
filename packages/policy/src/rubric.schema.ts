import { z } from 'zod';
import { applicantKindSchema, idSchema, localizedTextSchema, noteSchema } from './policy-basics.schema';

/**
 * A rubric (评分标准) as versioned data: categories with their points and the items experts score, each 0..points
 * in steps of `step`. Every figure says where it comes from: `standard` (the standard's own text) or
 * `office_configuration` (the office's recorded configuration where the standard could not be read here).
 */
export const figureSourceSchema = z.enum(['standard', 'office_configuration']);

export const rubricItemSchema = z.strictObject({
  /** The clause, e.g. "4.1.2"; unique in the rubric. */
  key: z.string().regex(/^[0-9a-z][0-9a-z.\-_]*$/),
  clause: z.string().min(1),
  name: localizedTextSchema,
  points: z.number().positive(),
  pointsSource: figureSourceSchema,
});

export const rubricCategorySchema = z.strictObject({
  key: idSchema,
  clause: z.string().min(1),
  name: localizedTextSchema,
  points: z.number().positive(),
  pointsSource: figureSourceSchema,
  items: z.array(rubricItemSchema).min(1),
});

export const rubricSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    key: idSchema,
    version: z.number().int().positive(),
    /** The standard's code as the policies name it in `scoring.standards[].code`, e.g. "GB/T 19580". */
    standard: z.string().min(1),
    title: localizedTextSchema,
    appliesTo: z.array(applicantKindSchema).min(1),
    /** 1: whole points; 0.5: half points. */
    step: z.union([z.literal(1), z.literal(0.5)]),
    stepSource: figureSourceSchema,
    note: noteSchema,
    categories: z.array(rubricCategorySchema).min(1),
  })
  .superRefine((rubric, context) => {
    const keys = new Set<string>();
    rubric.categories.forEach((category, c) => {
      const sum = category.items.reduce((total, item) => total + item.points, 0);
      if (sum !== category.points) {
        context.addIssue({
          code: 'custom',
          path: ['categories', c, 'items'],
          message: `items add up to ${sum}, the category has ${category.points}`,
        });
      }
      category.items.forEach((item, i) => {
        if (keys.has(item.key)) {
          context.addIssue({ code: 'custom', path: ['categories', c, 'items', i, 'key'], message: 'duplicate key' });
        }
        keys.add(item.key);
      });
    });
  });

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricItem = z.infer<typeof rubricItemSchema>;

/** A rubric as a reference: key and version. */
export interface RubricRef {
  readonly key: string;
  readonly version: number;
}
