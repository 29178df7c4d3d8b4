import { describe, expect, it } from 'vitest';
import { stripAnsi } from './ansi';
import { findMatches, highlightParts, LogStore, logFileText, parseLine } from './log-store';

describe('parseLine', () => {
  it('splits the RFC3339 stamp from the text and strips colour codes', () => {
    expect(parseLine('2026-01-01T00:00:01.5Z \x1b[31mred\x1b[0m text')).toEqual({ stamp: '2026-01-01T00:00:01.5Z', time: Date.parse('2026-01-01T00:00:01.5Z'), text: 'red text', source: undefined });
  });
  it('keeps a line without a stamp whole', () => {
    expect(parseLine('plain')).toMatchObject({ stamp: '', text: 'plain' });
  });
});

describe('stripAnsi', () => {
  it.each([
    ['\x1b[1;32mok\x1b[m', 'ok'],
    ['\x1b]0;title\x07after', 'after'],
    ['tab\tkept', 'tab\tkept'],
    ['bell\x07gone', 'bellgone'],
  ])('%j -> %j', (input, out) => expect(stripAnsi(input)).toBe(out));
});

describe('LogStore', () => {
  const at = (s: number, text: string, label?: string) => parseLine(`2026-01-01T00:00:${String(s).padStart(2, '0')}Z ${text}`, label ? { label, colour: 0 } : undefined);

  it('merges streams in time order', () => {
    const store = new LogStore();
    store.add([at(1, 'a1', 'a'), at(3, 'a3', 'a')]);
    store.add([at(2, 'b2', 'b'), at(4, 'b4', 'b')]);
    store.add([at(3, 'c3', 'c')]);
    expect(store.entries.map((e) => e.text)).toEqual(['a1', 'b2', 'a3', 'c3', 'b4']);
  });

  it('keeps the newest lines over its cap and counts the dropped', () => {
    const store = new LogStore(3);
    store.add([1, 2, 3, 4, 5].map((s) => at(s, `l${s}`)));
    expect(store.entries.map((e) => e.text)).toEqual(['l3', 'l4', 'l5']);
    expect(store.dropped).toBe(2);
  });
});

describe('search and download', () => {
  const entries = [parseLine('2026-01-01T00:00:00Z Tick 1', { label: 'web-1/app', colour: 0 }), parseLine('2026-01-01T00:00:01Z tock'), parseLine('2026-01-01T00:00:02Z tick tick')];

  it('finds lines case-insensitively', () => {
    expect(findMatches(entries, 'tick')).toEqual([0, 2]);
    expect(findMatches(entries, '')).toEqual([]);
  });

  it('splits a line around every match', () => {
    expect(highlightParts('tick Tick', 'tick')).toEqual([
      { text: 'tick', match: true },
      { text: ' ', match: false },
      { text: 'Tick', match: true },
    ]);
  });

  it('writes a .log text with stamps and tags as shown', () => {
    expect(logFileText(entries.slice(0, 2), true)).toBe('2026-01-01T00:00:00Z [web-1/app] Tick 1\n2026-01-01T00:00:01Z tock\n');
    expect(logFileText(entries.slice(1, 2), false)).toBe('tock\n');
  });
});
