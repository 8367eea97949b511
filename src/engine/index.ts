/**
 * The checking engine's public surface. Plain TypeScript: no browser, Dexie or kuromoji imports,
 * so the extension, the CLI and the tests run the same code.
 */
export { createChecker, defaultSettings } from './checker.ts';
export type { Checker, CheckerOptions, CheckOptions } from './checker.ts';
export type { Token, TokenizerPort } from './tokenizer.ts';
export * from '../shared/types.ts';
