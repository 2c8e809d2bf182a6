import { type Rubric, rubricForStandard, rubricOf, rubricSchema } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { ReviewsTx } from '../reviews-prisma';
import { LoadedRubricRepository, type LoadedRubricRow } from './loaded-rubric.repository';

/** A loaded row as the rubric it stores (validated when loaded; parsed again so a bad row never scores). */
export function rubricOfRow(row: LoadedRubricRow): Rubric | undefined {
  const parsed = rubricSchema.safeParse(row.document);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Every rubric a tenant can score by: the ones `@laurel/policy` encodes (GB/T 19580), then the ones its office loaded
 * from a standard's text (xinzhou-city's DB14/T 1463, 1464). One place to look a rubric up by key and version, or by
 * the standard's code the policy names.
 */
@Injectable()
export class RubricCatalog {
  constructor(private readonly loaded: LoadedRubricRepository) {}

  async of(tx: ReviewsTx, key: string, version: number): Promise<Rubric | undefined> {
    const encoded = rubricOf(key, version);
    if (encoded) return encoded;
    const row = await this.loaded.find(tx, key, version);
    return row ? rubricOfRow(row) : undefined;
  }

  /** The encoded rubric of the standard, else the newest version the office loaded, else undefined. */
  async forStandard(tx: ReviewsTx, standard: string): Promise<Rubric | undefined> {
    const encoded = rubricForStandard(standard);
    if (encoded) return encoded;
    const row = await this.loaded.newestFor(tx, standard);
    return row ? rubricOfRow(row) : undefined;
  }
}
