import { describe, expect, test } from 'vitest';
import { createLifetime } from '../../src/content/lifetime.ts';

describe("the guard's own lifetime", () => {
  test('only a newer copy in the same isolated world retires the gate (the page cannot reach that world)', () => {
    const world: Record<string, unknown> = {};
    let alive = true;
    const first = createLifetime({ alive: () => alive, world });
    expect(first.gate.aborted).toBe(false);
    expect(first.view.aborted).toBe(false);

    const second = createLifetime({ alive: () => alive, world });
    second.gate.addEventListener('abort', () => undefined);
    expect(first.gate.aborted).toBe(true);
    expect(second.gate.aborted).toBe(false);
    alive = false;
    expect(second.orphaned()).toBe(true);
  });

  test('an orphaned script drops its marks (view) but keeps its gate, which fails closed', () => {
    let alive = true;
    const lifetime = createLifetime({ alive: () => alive, world: {} });
    let told = 0;
    lifetime.onOrphaned(() => told++);
    expect(lifetime.orphaned()).toBe(false);
    alive = false;
    expect(lifetime.orphaned()).toBe(true);
    expect(lifetime.view.aborted).toBe(true);
    expect(lifetime.gate.aborted).toBe(false);
    expect(told).toBe(1);
  });
});

