/** The roles the access token carries per jurisdiction id (`ten` claim), read without checking: the API checks. */
export function rolesOf(accessToken: string): Record<string, string[]> {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const json = decodeURIComponent(
      [...atob(payload.replace(/-/g, '+').replace(/_/g, '/'))]
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
    );
    const claims = JSON.parse(json) as { ten?: Record<string, string[]> };
    return claims.ten ?? {};
  } catch {
    return {};
  }
}

/**
 * Where a user lands after signing in, by its role in its first jurisdiction: the office's console, else the
 * finance pages, else the recommender's work queue, else the expert's assignments, else a leading-group member
 * unit's votes, else the applicant's portal, else a department's clearance answers.
 */
export function homeFor(tenant: { id: string; key: string } | undefined, accessToken: string): string {
  if (!tenant) return '/';
  const roles = rolesOf(accessToken)[tenant.id] ?? [];
  if (roles.includes('office') || roles.length === 0) return `/office/${tenant.key}`;
  if (roles.includes('finance')) return `/finance/${tenant.key}`;
  if (roles.includes('recommender')) return `/recommender/${tenant.key}`;
  if (roles.includes('expert')) return `/expert/${tenant.key}`;
  if (roles.includes('leading_group')) return `/leading-group/${tenant.key}`;
  if (roles.includes('applicant')) return `/applicant/${tenant.key}`;
  if (roles.includes('department')) return `/department/${tenant.key}`;
  return `/office/${tenant.key}`;
}
