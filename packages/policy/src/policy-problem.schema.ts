/** One thing wrong with a policy document: where (e.g. `tiers[1].quota.max`) and why. */
export interface PolicyProblem {
  readonly path: string;
  readonly reason: string;
}

/** Formats a path as `tiers[1].quota.max`; the document itself is `(root)`. */
export function formatProblemPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
}
