import { describe, expect, it } from 'vitest';
import { LOG_MAX_LINE, LogFrames } from './log-frames';

describe('LogFrames', () => {
  it('gives whole lines only, joining a line split across chunks', () => {
    const f = new LogFrames();
    f.push('one\ntw');
    expect(f.take()).toEqual({ lines: ['one'], dropped: 0 });
    expect(f.pending).toBe(false);
    f.push('o\r\nthree');
    expect(f.take()).toEqual({ lines: ['two'], dropped: 0 });
    f.end();
    expect(f.take()).toEqual({ lines: ['three'], dropped: 0 });
  });

  it('keeps the newest lines while nobody takes, and counts the dropped', () => {
    const f = new LogFrames(3);
    for (let i = 1; i <= 10; i++) f.push(`l${i}\n`);
    expect(f.take()).toEqual({ lines: ['l8', 'l9', 'l10'], dropped: 7 });
    expect(f.take()).toEqual({ lines: [], dropped: 0 });
  });

  it('caps a frame by bytes, but always moves at least one line', () => {
    const f = new LogFrames(100, 10);
    f.push('aaaa\nbbbb\ncccc\n');
    expect(f.take().lines).toEqual(['aaaa', 'bbbb']);
    expect(f.take().lines).toEqual(['cccc']);
    const big = new LogFrames(100, 10);
    big.push(`${'x'.repeat(50)}\n`);
    expect(big.take().lines).toEqual(['x'.repeat(50)]);
  });

  it('cuts a line that never ends at LOG_MAX_LINE', () => {
    const f = new LogFrames();
    f.push('y'.repeat(LOG_MAX_LINE + 10));
    expect(f.take().lines).toEqual(['y'.repeat(LOG_MAX_LINE)]);
  });
});
