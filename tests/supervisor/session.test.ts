/** The PIN session store (chrome.storage.session): what it keeps, for how long, and what it refuses. */
import { describe, expect, test } from 'vitest';
import { MAX_SESSIONS, SESSION_IDLE_MS, memorySessionArea, supervisorSessions } from '../../src/supervisor/session.ts';

const NOW = Date.UTC(2026, 3, 1, 1, 0, 0);

describe('supervisor sessions', () => {
  test('the storage holds the token\'s hash, never the token: reading it does not give a session', async () => {
    const area = memorySessionArea();
    const sessions = supervisorSessions(area);
    const token = await sessions.open(NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify([...area.data]);
    expect(stored).not.toContain(token);
    const [key] = Object.keys((await area.get('supervisor:sessions'))['supervisor:sessions'] as object);
    expect(await sessions.check(key, NOW)).toMatchObject({ ok: false });
    expect(await sessions.check(token, NOW)).toEqual({ ok: true });
  });

  test('idle: alive up to the limit, gone after it; each use starts the idle time again', async () => {
    const sessions = supervisorSessions(memorySessionArea());
    const token = await sessions.open(NOW);
    expect(await sessions.check(token, NOW + SESSION_IDLE_MS)).toEqual({ ok: true });
    expect(await sessions.check(token, NOW + 2 * SESSION_IDLE_MS)).toEqual({ ok: true });
    // Asking without touching does not keep it alive.
    expect(await sessions.check(token, NOW + 3 * SESSION_IDLE_MS, false)).toEqual({ ok: true });
    expect(await sessions.check(token, NOW + 3 * SESSION_IDLE_MS + 1)).toMatchObject({ ok: false });
    expect(await sessions.check(token, NOW + 2 * SESSION_IDLE_MS)).toMatchObject({ ok: false });
  });

  test('at most a few sessions at once: the least recently used goes first', async () => {
    const sessions = supervisorSessions(memorySessionArea());
    const tokens: string[] = [];
    for (let i = 0; i < MAX_SESSIONS + 2; i++) tokens.push(await sessions.open(NOW + i));
    expect(await sessions.check(tokens[0], NOW + 100)).toMatchObject({ ok: false });
    expect(await sessions.check(tokens[1], NOW + 100)).toMatchObject({ ok: false });
    expect(await sessions.check(tokens.at(-1), NOW + 100)).toEqual({ ok: true });
  });

  test('garbage in the storage or as a token is no session', async () => {
    const area = memorySessionArea();
    await area.set({ 'supervisor:sessions': { nothex: { openedAt: NOW, lastUsed: NOW }, ['a'.repeat(64)]: { openedAt: 'x' } } });
    const sessions = supervisorSessions(area);
    for (const token of [undefined, null, 42, '', 'a'.repeat(64), { token: 'x' }]) expect(await sessions.check(token, NOW)).toMatchObject({ ok: false });
    expect(await sessions.close('nope')).toBe(false);
  });
});
