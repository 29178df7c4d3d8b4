import { describe, expect, it } from 'vitest';
import { bytesOf, doublesOf, readFields, varintsOf, WireWriter } from './wire';

describe('WireWriter', () => {
  it('writes what readFields reads back: varints (int64 negatives as two’s complement), doubles, strings', () => {
    const w = new WireWriter();
    w.uint(1, 300);
    w.uint(2, -1);
    w.uint(3, 2 ** 53 + 2);
    w.uint(4, true);
    w.double(5, 1.5);
    w.string(6, 'héllo');
    const f = readFields(w.finish());
    expect(varintsOf(f.get(1)!)).toEqual([300n]);
    expect(varintsOf(f.get(2)!)).toEqual([2n ** 64n - 1n]);
    expect(varintsOf(f.get(3)!)).toEqual([2n ** 53n + 2n]);
    expect(varintsOf(f.get(4)!)).toEqual([1n]);
    expect(doublesOf(f.get(5)!)).toEqual([1.5]);
    expect(Buffer.from(bytesOf(f.get(6)!)[0]!).toString()).toBe('héllo');
  });

  it('puts the length in front of nested messages, also when it takes several bytes and the buffer grows', () => {
    const long = 'x'.repeat(70_000);
    const w = new WireWriter();
    w.message(1, (m) => {
      m.string(1, long);
      m.message(2, () => {});
    });
    w.string(2, 'after');
    const outer = readFields(w.finish());
    const inner = readFields(bytesOf(outer.get(1)!)[0]!);
    expect(Buffer.from(bytesOf(inner.get(1)!)[0]!).toString()).toBe(long);
    expect(bytesOf(inner.get(2)!)[0]!.length).toBe(0);
    expect(Buffer.from(bytesOf(outer.get(2)!)[0]!).toString()).toBe('after');
  });

  it('finishes into a buffer of its own, of exact size (cached results must not pin the working buffer)', () => {
    const w = new WireWriter();
    w.string(1, 'x'.repeat(300)); // grows the working buffer past 256 bytes
    const out = w.finish();
    expect(out.length).toBe(303);
    expect(out.buffer.byteLength).toBe(303);
    expect(bytesOf(readFields(out).get(1)!)[0]!.length).toBe(300);
  });
});
