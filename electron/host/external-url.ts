// The one check before the host hands a URL to the system browser: absolute http or https,
// nothing else (no file:, javascript:, custom schemes that launch programs, or credentials).
export function externalHttpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`not a URL: ${value.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`only http and https URLs open externally, not ${url.protocol}`);
  if (url.username || url.password) throw new Error('URLs with credentials do not open externally');
  return url.href;
}
