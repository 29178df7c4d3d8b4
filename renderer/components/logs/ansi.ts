// Terminal escape sequences in log text (colours from loggers, cursor moves from progress
// bars): stripped, as a line viewer cannot honour most of them and raw ones read as noise.
// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-character escapes.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;

export function stripAnsi(text: string): string {
  return CONTROL.test(text) ? text.replace(ESCAPES, '') : text;
}
