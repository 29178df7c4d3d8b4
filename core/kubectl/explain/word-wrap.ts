// github.com/mitchellh/go-wordwrap's WrapString, which kubectl explain wraps descriptions
// with: words move to a new line once a line would pass the limit; a word longer than the
// limit stays whole; existing line breaks are kept.

const isSpace = (c: string) => /\s/.test(c) && c !== '\u00a0';

export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  // Lengths in runes, as Go counts them.
  let wordLen = 0;
  let spaceLen = 0;
  for (const c of s) {
    if (c === '\n') {
      if (!word) {
        if (current + spaceLen <= limit) out += space;
      } else out += space + word;
      space = word = '';
      spaceLen = wordLen = 0;
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (!space || word) {
        current += spaceLen + wordLen;
        out += space + word;
        space = word = '';
        spaceLen = wordLen = 0;
      }
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (!word) {
    if (current + spaceLen <= limit) out += space;
  } else out += space + word;
  return out;
}
