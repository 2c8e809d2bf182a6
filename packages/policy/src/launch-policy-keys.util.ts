/** The tenants Laurel launches with; each has `policies/<key>.json`. */
export const launchPolicyKeys = ['ili', 'linxia', 'inner-mongolia', 'xinzhou-district', 'xinzhou-city'] as const;

export type LaunchPolicyKey = (typeof launchPolicyKeys)[number];

export function isLaunchPolicyKey(value: string): value is LaunchPolicyKey {
  return (launchPolicyKeys as readonly string[]).includes(value);
}
