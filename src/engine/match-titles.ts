/**
 * Up to `limit` items whose title or id holds every typed word (case-insensitive), titles
 * starting with the typed text first, then in the given order (autocomplete). Stops early.
 */
export function matchTitles<T extends { id: string; title: string }>(items: Iterable<T>, typed: string, limit: number): T[] {
  const needle = typed.trim().toLowerCase();
  const words = needle.split(/\s+/).filter(Boolean);
  const prefixed: T[] = [];
  const others: T[] = [];
  for (const item of items) {
    if (prefixed.length >= limit) break;
    const title = item.title.toLowerCase();
    const hay = `${title} ${item.id.toLowerCase()}`;
    if (!words.every((w) => hay.includes(w))) continue;
    if (needle && title.startsWith(needle)) prefixed.push(item);
    else if (others.length < limit) others.push(item);
  }
  return prefixed.concat(others).slice(0, limit);
}
