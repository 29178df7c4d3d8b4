import { describe, expect, it } from 'vitest';
import { DescribeWriter, tabbed } from './writer';

describe('describe layout (tabwriter minwidth 0, padding 2)', () => {
  it('aligns a block of lines and starts over after a line without tabs', () => {
    expect(tabbed('Name:\tweb\nNamespace:\tgolden\nPod Template:\n  Labels:\tapp=web\n')).toBe(
      'Name:       web\nNamespace:  golden\nPod Template:\n  Labels:  app=web\n',
    );
  });

  it('pads empty cells to the padding and keeps trailing spaces of empty last-but-one cells', () => {
    expect(tabbed('a\t\tb\nccc\t\td\n')).toBe('a      b\nccc    d\n');
  });

  it('indents by levels and escapes terminal control characters', () => {
    const w = new DescribeWriter();
    w.write(1, 'Key:\tv\x1b[31m\r\n');
    w.line('<none>');
    expect(w.toString()).toBe('  Key:  v^[[31m\\r\n<none>\n');
  });
});
