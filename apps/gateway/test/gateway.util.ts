import path from 'node:path';
import { bootstrapService, type Clock, type RunningService, type ServiceDefinition } from '@laurel/platform';
import { ChildService, TestInfrastructure } from '@laurel/testing';
import { PROBE_MAIN, startProbe } from '../../../packages/testing/test/probe.util';
import { type RunningGateway, seedOperator, startGateway } from '../src/gateway-app';
import { ProbeRoutesModule } from './probe-routes.module';

export const OPERATOR = { username: 'operator', password: 'operator-password-1' };

/** Loaded by path, not imported: the gateway's typecheck must not depend on the awards app's generated client. */
const awardsServiceDefinition = (): ServiceDefinition =>
  (
    require(path.resolve(__dirname, '../../awards/src/awards.service-definition')) as {
      awardsServiceDefinition: ServiceDefinition;
    }
  ).awardsServiceDefinition;

export interface PlatformOptions {
  /** Run the probe service in a process of its own, as `npm start` runs services (default: in this process). */
  probeInOwnProcess?: boolean;
  /** Start no probe: the test runs it itself (e.g. under `npm start`'s supervisor). */
  withoutProbe?: boolean;
  /** The awards service too, in this process (default: false). */
  awards?: boolean;
  /** The clock of the gateway and the services (default: the system's). */
  clock?: Clock;
}

/**
 * The gateway and the probe service (and, on request, the awards service), on this test file's own database,
 * Redis prefix and NATS subjects.
 */
export async function startPlatform(extraEnv: Record<string, string> = {}, options: PlatformOptions = {}) {
  const infra = await TestInfrastructure.create();
  const ownProcess = options.probeInOwnProcess && !options.withoutProbe;
  const inProcess = !options.probeInOwnProcess && !options.withoutProbe;
  const probe = inProcess ? await startProbe(infra, { consumers: false, clock: options.clock }) : null;
  const probeProcess = ownProcess ? await ChildService.start(PROBE_MAIN, infra.env()) : null;
  let awards: RunningService | null = null;
  const startAwards = async () => {
    awards = await bootstrapService(awardsServiceDefinition(), { env: infra.env(), clock: options.clock });
  };
  const stopAwards = async () => {
    await awards?.close();
    awards = null;
  };
  if (options.awards) await startAwards();
  const gateway: RunningGateway = await startGateway({
    env: infra.env({
      LAUREL_JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
      LAUREL_HTTP_PORT: '0',
      ...extraEnv,
    }),
    clock: options.clock,
    services: options.awards ? ['probe', 'awards'] : ['probe'],
    routes: [ProbeRoutesModule],
  });
  await seedOperator(gateway, OPERATOR.username, OPERATOR.password);

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { text };
    }
    return { status: response.status, headers: response.headers, body: json };
  };
  const login = async (username: string, password: string) => {
    const response = await call('POST', '/api/v1/auth/login', { body: { username, password } });
    return response.body.accessToken as string;
  };
  return {
    infra,
    /** The probe running in this process (not available with `probeInOwnProcess`). */
    get probe() {
      if (!probe) throw new Error('the probe does not run in this process');
      return probe;
    },
    gateway,
    call,
    login,
    /** Stops and starts the awards service (e.g. to see what the gateway does while it is down). */
    startAwards,
    stopAwards,
    close: async () => {
      await gateway.close();
      await probe?.close();
      await probeProcess?.stop();
      await stopAwards();
      await infra.dispose();
    },
  };
}
