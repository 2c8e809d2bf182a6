/** The tenants Laurel launches with; each has `policies/<key>.json`. */
export const launchPolicyKeys = ['ili', 'linxia', 'inner-mongolia', 'xinzhou-district', 'xinzhou-city'] as const;

export type LaunchPolicyKey = (typeof launchPolicyKeys)[number];

export function isLaunchPolicyKey(value: string): value is LaunchPolicyKey {
  return (launchPolicyKeys as readonly string[]).includes(value);
}

/**
 * The administrative division codes (GB/T 2260) of the launch jurisdictions, as `npm start` seeds them. A policy
 * document does not carry its division: any other jurisdiction's is given by whoever registers it.
 */
export const launchDivisionCodes: Readonly<Record<LaunchPolicyKey, string>> = {
  ili: '654000',
  linxia: '622921',
  'inner-mongolia': '150000',
  'xinzhou-district': '361102',
  'xinzhou-city': '140900',
};
