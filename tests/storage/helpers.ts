/** Each test gets its own in-memory IndexedDB, so tests never see each other's data. */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';
import { ToukouGuardDB } from '../../src/storage/db.ts';
import type { AuditEvent, CustomTerm } from '../../src/storage/types.ts';

export function freshIndexedDb(): DexieOptions {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(): ToukouGuardDB {
  return new ToukouGuardDB(freshIndexedDb());
}

export function term(id: string, extra: Partial<CustomTerm> = {}): CustomTerm {
  const category = (extra.category ?? id.split('.')[0]) as CustomTerm['category'];
  return { id, category, forms: ['ほじなし'], severity: 'warn', examples: { hit: ['あいつはほじなしだ'] }, ...extra };
}

export function auditEvent(time: number, extra: Partial<AuditEvent> = {}): Omit<AuditEvent, 'id'> {
  return {
    time,
    site: 'x',
    account: 'hirakawa_city',
    decision: 'posted_clean',
    categories: [],
    clauses: [],
    severities: [],
    textHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ...extra,
  };
}
