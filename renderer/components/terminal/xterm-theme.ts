// The terminal's colours from the app's theme variables, so it follows light and dark.
import type { ITheme } from '@xterm/xterm';

export function xtermTheme(el: Element = document.documentElement): ITheme {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const dark = document.documentElement.dataset.theme !== 'light';
  return {
    background: v('--bg-sunken'),
    foreground: v('--text'),
    cursor: v('--accent'),
    cursorAccent: v('--bg-sunken'),
    selectionBackground: v('--bg-selected'),
    selectionForeground: v('--text-strong'),
    red: v('--bad'),
    green: v('--ok'),
    yellow: v('--warn'),
    blue: v('--accent'),
    ...(dark ? { black: '#1b1f26', white: '#d9dee7', brightBlack: '#8b94a3' } : { black: '#262b33', white: '#eef0f3', brightBlack: '#566070' }),
  };
}
