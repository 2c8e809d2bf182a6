export { APP_ROLE, APPEND_ONLY_TABLES, SYSTEM_ROLE } from './database-roles.util';
export { discoverServices, type ServiceMigrations } from './discover-services.util';
export {
  type CreateMigrationOptions,
  type CreateMigrationResult,
  type DeployAllOptions,
  type DeployOptions,
  type DeployResult,
  MigrationRunner,
  type MigrationRunnerOptions,
} from './migration-runner.service';
export { type PgConnection, parsePgConnection, toPgConfig, withDatabase } from './pg-connection.util';
export {
  rowLevelSecurityStatements,
  TENANT_POLICY_NAME,
  TENANT_SETTING,
  tenantOwnedTablesCreatedBy,
  withRowLevelSecurity,
} from './row-level-security.util';
export { SchemaEngineError } from './schema-engine.util';
