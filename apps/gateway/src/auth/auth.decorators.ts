import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'laurel:public';
export const ROUTE_ACCESS = 'laurel:access';

/** Routes open to anyone (login, public notices). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface RouteAccess {
  /** Platform operators may use it. */
  operator?: boolean;
  /** Tenant roles that may use it (in the `{tenantKey}` of the path). */
  roles?: string[];
  /** Whether a suspended tenant may still use it (reads by its staff). */
  whileSuspended?: boolean;
}

/** Who may use a route; without it only signing in is required. */
export const Access = (access: RouteAccess) => SetMetadata(ROUTE_ACCESS, access);
