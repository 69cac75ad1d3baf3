/**
 * The spellings of words met in texts, each numbered the first time it is met, looked up by a
 * stretch of a text and its hash (as `scanWords` gives them) without cutting the word out of the
 * text. The name index asks it about every word of every body; most are spellings it has met
 * thousands of times.
 */
export interface SpellingTable<T> {
  /** The number of the spelling `text.slice(start, end)` (hashed as `hash`), made with `make` when new. */
  numberOf(text: string, start: number, end: number, hash: number): number;
  /** What `make` made for each spelling, by number. */
  readonly values: readonly T[];
  /** How many spellings it holds. */
  readonly size: number;
  /** Forgets every spelling: numbers given before mean nothing after. */
  clear(): void;
}

/**
 * A table whose entry for a new spelling is `make(spelling)`. Open addressing over the hashes,
 * kept at most half full; the spellings' letters sit one after another in one array, so telling
 * two spellings of one hash apart reads neighbouring memory instead of a string object each (a
 * Map and `startsWith` took twice as long, and a table sized for the worst case missed the
 * processor's caches between one text node and the next).
 */
export function createSpellingTable<T>(make: (spelling: string) => T): SpellingTable<T> {
  let slots = new Int32Array(1 << 10);
  let mask = slots.length - 1;
  let letters = new Uint16Array(1 << 13);
  let used = 0;
  const starts: number[] = [];
  const lengths: number[] = [];
  const hashes: number[] = [];
  const values: T[] = [];

  const same = (text: string, start: number, length: number, number: number): boolean => {
    if (lengths[number] !== length) return false;
    const from = starts[number] as number;
    for (let k = 0; k < length; k++) if (text.charCodeAt(start + k) !== letters[from + k]) return false;
    return true;
  };
  const grow = () => {
    slots = new Int32Array(slots.length * 2);
    mask = slots.length - 1;
    for (let n = 0; n < hashes.length; n++) {
      let slot = (hashes[n] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = n + 1;
    }
  };
  const add = (text: string, start: number, length: number, hash: number): number => {
    if (2 * (values.length + 1) > slots.length) grow();
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    if (used + length > letters.length) {
      const more = new Uint16Array(Math.max(letters.length * 2, used + length));
      more.set(letters);
      letters = more;
    }
    for (let k = 0; k < length; k++) letters[used + k] = text.charCodeAt(start + k);
    starts.push(used);
    lengths.push(length);
    hashes.push(hash);
    used += length;
    values.push(make(text.slice(start, start + length)));
    slots[slot] = values.length;
    return values.length - 1;
  };
  return {
    numberOf(text, start, end, hash) {
      const length = end - start;
      for (let slot = hash & mask, held = slots[slot] as number; held !== 0; held = slots[slot] as number) {
        if (same(text, start, length, held - 1)) return held - 1;
        slot = (slot + 1) & mask;
      }
      return add(text, start, length, hash);
    },
    values,
    get size() {
      return values.length;
    },
    clear() {
      slots.fill(0);
      used = 0;
      starts.length = 0;
      lengths.length = 0;
      hashes.length = 0;
      values.length = 0;
    },
  };
}
