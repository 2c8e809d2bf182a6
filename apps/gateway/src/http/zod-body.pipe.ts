import { DomainError, fieldErrorsFromZod } from '@laurel/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Parses a body, query or path with a zod schema; bad input is a 400 that names every field at fault. */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly location: 'body' | 'query' | 'path' = 'body',
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? (this.location === 'body' ? undefined : {}));
    if (result.success) return result.data;
    throw DomainError.validation(fieldErrorsFromZod(result.error, this.location));
  }
}
