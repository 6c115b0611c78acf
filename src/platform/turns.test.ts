import { describe, expect, it } from 'vitest';
import { createTurnLimiter } from './turns.ts';

describe('createTurnLimiter', () => {
  it('runs at most the limit at once, the rest in the order they came, also after a failure', async () => {
    const inTurn = createTurnLimiter(2);
    let running = 0;
    let mostAtOnce = 0;
    const started: number[] = [];
    const work = (id: number, fails = false) =>
      inTurn(async () => {
        started.push(id);
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (fails) throw new Error(`work ${id} failed`);
        return id;
      });
    const results = await Promise.allSettled([work(1), work(2, true), work(3), work(4), work(5)]);
    expect(mostAtOnce).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(running).toBe(0);
  });
});
