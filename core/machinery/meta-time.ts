// metav1.Time on the wire: RFC 3339 in whole seconds, UTC ("2026-11-22T06:40:00Z"). Every write
// stamps at least one (creationTimestamp, managedFields times), so the text of the current
// second is made once.
let cachedSecond = Number.NaN;
let cachedText = '';

export function metaTime(d: Date = new Date()): string {
  const second = Math.floor(d.getTime() / 1000);
  if (second !== cachedSecond) {
    cachedText = new Date(second * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    cachedSecond = second;
  }
  return cachedText;
}
