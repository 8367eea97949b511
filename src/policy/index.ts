export type { EffectiveConfig, LocalConfig, LockKey, Managed, ManagedPolicy, PolicyProblem } from './types.ts';
export { parseManagedPolicy } from './parse.ts';
export { isLocked, mergePolicy } from './merge.ts';
export { LOCK_LABEL_JA } from './labels.ts';
