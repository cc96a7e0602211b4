/** Toasts: every one leaves by itself (errors later), at most three show, and a held one stays. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TOASTS, useActivity } from '../../renderer/src/stores/activity.js';

const titles = () => useActivity.getState().toasts.map((t) => t.title);

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useActivity.setState({ toasts: [] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('an error leaves by itself, later than a confirmation', () => {
    const { toast } = useActivity.getState();
    toast('error', 'Could not save');
    toast('success', 'Saved');
    vi.advanceTimersByTime(4_500);
    expect(titles()).toEqual(['Could not save']);
    vi.advanceTimersByTime(8_000);
    expect(titles()).toEqual([]);
  });

  it('keeps at most three, dropping the oldest', () => {
    const { toast } = useActivity.getState();
    for (const n of [1, 2, 3, 4, 5]) toast('error', `Problem ${n}`);
    expect(MAX_TOASTS).toBe(3);
    expect(titles()).toEqual(['Problem 3', 'Problem 4', 'Problem 5']);
  });

  it('holds while hovered, and an action toast runs its action once', () => {
    const run = vi.fn();
    useActivity.getState().toast('info', 'Removed “A”', undefined, { label: 'Undo', run });
    const [t] = useActivity.getState().toasts;
    useActivity.getState().hold(t?.id ?? 0);
    vi.advanceTimersByTime(60_000);
    expect(titles()).toEqual(['Removed “A”']);
    useActivity.getState().release(t?.id ?? 0);
    vi.advanceTimersByTime(8_500);
    expect(titles()).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });
});
