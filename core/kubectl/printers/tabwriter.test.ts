import { describe, expect, it } from 'vitest';
import { alignColumns } from './tabwriter';

describe('alignColumns (Go tabwriter: minwidth 6, padding 3)', () => {
  it('pads each column to its widest cell plus three, at least six, and leaves the last cell as is', () => {
    expect(alignColumns([['NAME', 'STATUS', 'AGE'], ['cp1', 'Ready', '5m'], ['a-longer-name', 'NotReady', '10s']])).toBe(
      'NAME            STATUS     AGE\ncp1             Ready      5m\na-longer-name   NotReady   10s\n',
    );
  });

  it('aligns the tables on either side of a blank line apart', () => {
    expect(alignColumns([['NAME', 'X'], ['pod/a-long-one', '1'], [''], ['NAME', 'Y'], ['svc/b', '2']])).toBe(
      'NAME             X\npod/a-long-one   1\n\nNAME    Y\nsvc/b   2\n',
    );
  });

  it('counts runes, not UTF-16 units', () => {
    expect(alignColumns([['ü名', 'x'], ['ab', 'y']])).toBe('ü名    x\nab    y\n');
  });

  it('with remembered widths, never narrows a column it has printed wider (kubectl RememberWidths)', () => {
    const widths: number[] = [];
    expect(alignColumns([['a-long-name', 'x'], ['single'], ['b', 'y']], { remembered: widths })).toBe('a-long-name   x\nsingle\nb             y\n');
    expect(alignColumns([['c', 'z']], { remembered: widths })).toBe('c             z\n');
  });
});
