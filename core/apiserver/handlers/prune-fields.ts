// Drops the fields findUnknownFields reported ("spec.containers[0].bar"): a typed API server
// has nowhere to keep them, so they never reach the store.
export function pruneFields(obj: unknown, paths: string[]): void {
  for (const path of paths) {
    const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    let cur: unknown = obj;
    for (let i = 0; i < steps.length - 1 && cur && typeof cur === 'object'; i++) {
      const s = steps[i]!;
      cur = s.startsWith('[') ? (cur as unknown[])[Number(s.slice(1, -1))] : (cur as Record<string, unknown>)[s];
    }
    const last = steps[steps.length - 1];
    if (cur && typeof cur === 'object' && last && !last.startsWith('[')) delete (cur as Record<string, unknown>)[last];
  }
}
