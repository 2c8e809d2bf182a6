import { seedLaunchJurisdictions, seedOperator, startGateway } from './gateway-app';

/** The gateway as a process: starts, seeds the operator named in the environment, stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const gateway = await startGateway();
  const { LAUREL_OPERATOR_USERNAME: username, LAUREL_OPERATOR_PASSWORD: password } = gateway.config;
  if (username && password && (await seedOperator(gateway, username, password))) {
    gateway.runtime.logger.info({ username }, 'operator account created');
  }
  if (gateway.config.LAUREL_SEED_LAUNCH_JURISDICTIONS) {
    for (const seeded of await seedLaunchJurisdictions(gateway)) {
      // Shown once, like the operator's password (the log redacts passwords, so not through the logger).
      process.stdout.write(`${JSON.stringify({ seededJurisdiction: seeded })}\n`);
    }
  }
  gateway.runtime.logger.info({ url: gateway.url }, `gateway listening on ${gateway.url}`);
  const stop = () => {
    gateway
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
