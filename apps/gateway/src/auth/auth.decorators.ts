import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'laurel:public';
export const ROUTE_ACCESS = 'laurel:access';

/** Where who may call a route is kept in the OpenAPI document until it is finished (`openapi-document.ts`). */
export const PUBLIC_EXTENSION = 'x-laurel-public';
export const ACCESS_EXTENSION = 'x-laurel-access';

/** Routes open to anyone (login, public notices). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_EXTENSION, true));

export interface RouteAccess {
  /** Platform operators may use it. */
  operator?: boolean;
  /** Tenant roles that may use it (in the `{tenantKey}` of the path). */
  roles?: string[];
  /** Whether a suspended tenant may still use it (reads by its staff). */
  whileSuspended?: boolean;
}

/** Who may use a route; without it only signing in is required. */
export const Access = (access: RouteAccess) =>
  applyDecorators(SetMetadata(ROUTE_ACCESS, access), ApiExtension(ACCESS_EXTENSION, access));
