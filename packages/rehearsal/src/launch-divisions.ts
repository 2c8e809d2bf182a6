import type { LaunchPolicyKey } from '@laurel/policy';

/** The launch jurisdictions' administrative divisions (GB/T 2260), as `npm start` seeds them. */
export const LAUNCH_DIVISIONS: Record<LaunchPolicyKey, string> = {
  ili: '654000',
  linxia: '622921',
  'inner-mongolia': '150000',
  'xinzhou-district': '361102',
  'xinzhou-city': '140900',
};
