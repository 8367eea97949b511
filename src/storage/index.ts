export * from './types.ts';
export { DB_NAME, SCHEMA_V1, SCHEMA_V2, ToukouGuardDB, categorySettingKey, guessExceptionKind } from './db.ts';
export * from './settings.ts';
export * from './custom-terms.ts';
export * from './exceptions.ts';
export * from './accounts.ts';
export * from './approvals.ts';
export * from './audit-events.ts';
export * from './checker-options.ts';
