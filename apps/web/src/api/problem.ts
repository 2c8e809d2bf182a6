/** An RFC 9457 problem as the gateway answers it: detail and field reasons already in the request's language. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field?: string; reason?: string }[];
}

/** Thrown by `unwrap` for an answer that is not 2xx, carrying the problem. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status ?? ''}`);
  }
}

/** The data of an openapi-fetch answer, or a ProblemError. */
export function unwrap<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.response.ok && answer.data !== undefined) return answer.data;
  const problem = (answer.error ?? {}) as Problem;
  throw new ProblemError({ ...problem, status: problem.status ?? answer.response.status });
}

/** Fields whose input is one control (a file): a reason about their inside shows under them. */
const WHOLE = new Set(['identityProof', 'signature', 'officialSeal', 'evidence']);

/** `body.evidence[0].contentType` → `['evidence']`, `body.objector.phone` → `['objector', 'phone']`. */
function formNameOf(field: string): string[] {
  const name: string[] = [];
  for (const part of field.replace(/^body\./, '').split(/[.[]/)) {
    if (/^\d+\]?$/.test(part)) break;
    name.push(part);
    if (WHOLE.has(part)) break;
  }
  return name;
}

/**
 * The problem's field errors as antd form fields, so each reason shows under its own input. `renamed` maps a body
 * field to the form's input where they differ (e.g. `amountFen` entered in yuan as `amount`).
 */
export function fieldErrorsOf<F extends { errors?: string[] }>(
  error: unknown,
  renamed: Record<string, string> = {},
): F[] {
  if (!(error instanceof ProblemError)) return [];
  const fields = (error.problem.errors ?? [])
    .filter((e) => e.field && e.reason)
    .map((e) => {
      const name = formNameOf(e.field ?? '');
      const first = name[0];
      if (first !== undefined && Object.hasOwn(renamed, first)) name[0] = renamed[first] as string;
      return { name, errors: [e.reason ?? ''] };
    });
  // The form's own field type (its names as tuples): the gateway names fields as the API's body does.
  return fields as unknown as F[];
}

/** The problem in one line: its detail and each field's reason, for a message the reader sees whatever the form. */
export function problemText(error: unknown): string {
  if (!(error instanceof ProblemError)) return error instanceof Error ? error.message : String(error);
  const reasons = (error.problem.errors ?? []).map((e) => e.reason).filter(Boolean);
  return [error.message, ...reasons].join('；');
}
