import { isoDate } from './iso-date.util';

/** Readers of a raw (unchecked) document: a value of another type than asked reads as missing. */
export type Record_ = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): Record_ | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record_) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function asDate(value: unknown): string | undefined {
  return isoDate.isValid(value) ? value : undefined;
}
