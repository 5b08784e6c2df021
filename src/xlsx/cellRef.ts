/** "G13" → row 12, col 6 (0-based), fast: called for every cell of a sheet. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
  }
  if (col === 0) return undefined;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    i++;
  }
  if (i === digitsFrom || row === 0) return undefined;
  return { row: row - 1, col: col - 1 };
}
