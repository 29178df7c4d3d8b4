// Bodies built to hurt a decoder, shared by the unit and fault tests.

/** The "billion laughs": ten levels of nine aliases each, about 500 bytes that expand 9^9-fold. */
export function yamlAliasBomb(): string {
  let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
  return text;
}

/** JSON text of `levels` nested objects around a 1, outermost first: {"x":{"x":...1}}. */
export function nestedJson(levels: number): string {
  return '{"x":'.repeat(levels) + '1' + '}'.repeat(levels);
}
