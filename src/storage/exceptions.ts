/** Exceptions: phrases never to flag (the engine's `exceptions` option). */
import type { ToukouGuardDB } from './db.ts';
import { EXCEPTION_KINDS, type ExceptionKind, type ExceptionRecord, type Unsaved } from './types.ts';

export const MAX_EXCEPTION_LENGTH = 200;

export function isExceptionKind(v: unknown): v is ExceptionKind {
  return typeof v === 'string' && (EXCEPTION_KINDS as readonly string[]).includes(v);
}

/** Japanese problem, or null when the exception can be stored. */
export function exceptionProblem(e: { kind: unknown; value: unknown; note?: unknown }): string | null {
  if (!isExceptionKind(e.kind)) return `kind は ${EXCEPTION_KINDS.join(' / ')} のいずれかです。`;
  if (typeof e.value !== 'string' || e.value.trim() === '') return 'value は空でない文字列です。';
  if (e.value.length > MAX_EXCEPTION_LENGTH) return `value は${MAX_EXCEPTION_LENGTH}文字以内です。`;
  if (e.note !== undefined && typeof e.note !== 'string') return 'note は文字列です。';
  return null;
}

export async function listExceptions(db: ToukouGuardDB): Promise<ExceptionRecord[]> {
  return db.exceptions.orderBy('id').toArray();
}

/** Adds an exception; adding the same value again returns the existing row's id. */
export async function addException(db: ToukouGuardDB, exception: Unsaved<ExceptionRecord>): Promise<number> {
  const problem = exceptionProblem(exception);
  if (problem !== null) throw new Error(problem);
  return db.transaction('rw', db.exceptions, async () => {
    const existing = await db.exceptions.where('value').equals(exception.value).first();
    if (existing?.id !== undefined) return existing.id;
    return db.exceptions.add({ ...exception });
  });
}

export async function deleteException(db: ToukouGuardDB, id: number): Promise<void> {
  await db.exceptions.delete(id);
}
