/** The services the gateway reports on and routes to. */
export const GATEWAY_SERVICES = Symbol('GATEWAY_SERVICES');
