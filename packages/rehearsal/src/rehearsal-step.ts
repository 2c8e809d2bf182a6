import type { Json } from './gateway-client';

/** One step of a rehearsed cycle: when on the rehearsal clock, what, under which article, with what result. */
export interface RehearsalStep {
  /** The rehearsal clock's time of the step (ISO instant). */
  at: string;
  step: string;
  /** The article the platform answered (`basis`), or null where its answer names none. */
  basis: string | null;
  result: string;
  /** What the assertions of a full-cycle test look at (ids, statuses, amounts). */
  detail: Json;
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string' && value.length > 0) return value;
  if (value && typeof value === 'object' && 'zh' in value && typeof value.zh === 'string') return value.zh;
  return null;
};

/** The article of an API answer: its `basis`, else the basis of its last history entry or step that has one. */
export function basisOf(body: Json | undefined): string | null {
  if (!body) return null;
  const own = text(body.basis);
  if (own) return own;
  for (const list of [body.steps, body.consequences, body.history]) {
    if (!Array.isArray(list)) continue;
    for (const entry of [...list].reverse()) {
      const found = text((entry as Json).basis);
      if (found) return found;
    }
  }
  return null;
}

/** Columns of a terminal: CJK characters take two. */
const width = (value: string): number => [...value].reduce((sum, c) => sum + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
const pad = (value: string, columns: number): string => value + ' '.repeat(Math.max(0, columns - width(value)));

/** A step as one line: the time in Beijing, the step, the article, the result. */
export function formatStep(step: RehearsalStep): string {
  const beijing = new Date(new Date(step.at).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return `${beijing}  ${pad(step.step, 44)}  ${pad(step.basis ?? '—', 32)}  ${step.result}`;
}
