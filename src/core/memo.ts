/**
 * The engine's one memo. Ledgers repeat a handful of texts on every row (units, year notes,
 * header words, grades, "63.0％"), and what is read from a text depends on the text alone, so
 * each is read once. Bounded: when `limit` texts are held it starts afresh, so a sheet of
 * unique texts cannot make it grow without end. Results must be immutable (they are shared).
 */
export function remembered<R>(read: (text: string) => R, limit = 1024): (text: string) => R {
  const known = new Map<string, R>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as R;
    const result = read(text);
    if (known.size >= limit) known.clear();
    known.set(text, result);
    return result;
  };
}
