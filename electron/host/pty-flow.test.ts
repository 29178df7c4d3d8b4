import { describe, expect, it } from 'vitest';
import { PtyFlow } from './pty-flow';

describe('PtyFlow', () => {
  it('pauses above the high-water mark and resumes below the low one, once each', () => {
    const calls: string[] = [];
    const flow = new PtyFlow(() => calls.push('pause'), () => calls.push('resume'), 100, 20);
    flow.sent(60);
    flow.sent(40);
    expect(calls).toEqual([]);
    flow.sent(1);
    flow.sent(50);
    expect(calls).toEqual(['pause']);
    flow.acked(100);
    expect(calls).toEqual(['pause']);
    flow.acked(40);
    expect(calls).toEqual(['pause', 'resume']);
    flow.acked(1000);
    flow.sent(100);
    expect(calls).toEqual(['pause', 'resume']);
    flow.sent(1);
    expect(calls).toEqual(['pause', 'resume', 'pause']);
  });
});
