// Fuzzy matching for the command palette: every query character must appear in order; runs of
// consecutive characters and matches at word starts score higher, as in VS Code's quick open.

/** A score (higher is better), or -1 when the text does not match. */
export function fuzzyScore(query: string, text: string): number {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const at = t.indexOf(ch, from);
    if (at < 0) return -1;
    const wordStart = at === 0 || /[\s/.\-_:]/.test(t[at - 1]) || (text[at] !== t[at] && text[at - 1] === t[at - 1]);
    score += 1 + (at === previous + 1 ? 4 : 0) + (wordStart ? 3 : 0);
    previous = at;
    from = at + 1;
  }
  // Among equal matches, prefer the shorter text: "Pods" before "PodDisruptionBudgets".
  return score - t.length / 100;
}

/** The items that match, best first, at most `limit`. */
export function fuzzyFilter<T>(query: string, items: T[], textOf: (item: T) => string, limit: number): T[] {
  return items
    .map((item) => ({ item, score: fuzzyScore(query, textOf(item)) }))
    .filter((x) => x.score >= 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.item);
}
