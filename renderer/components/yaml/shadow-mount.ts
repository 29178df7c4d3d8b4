// CodeMirror adds its styles at run time. The app's Content-Security-Policy (style-src 'self')
// refuses <style> elements, but not constructed style sheets, which CodeMirror uses inside a
// shadow root; the app's CSS variables are inherited through it, so the editor keeps the theme.
export function shadowMount(host: HTMLElement): { root: ShadowRoot; parent: HTMLElement } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  parent.style.height = '100%';
  root.replaceChildren(parent);
  return { root, parent };
}
