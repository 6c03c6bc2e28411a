/** A word of the text with its offsets and whether it was written with a capital. */
export interface Token {
  norm: string;
  start: number;
  end: number;
  capitalised: boolean;
}

// Abbreviations written with dots ("U.S.", "U.K.", "D.C.") are single tokens; otherwise runs of
// letters and digits, keeping inner apostrophes ("d'Ivoire") but not a possessive "'s".
const tokenPattern = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const possessive = /['’]s$/i;

/** Lower case, no diacritics, straight apostrophes: the form names and text are compared in. */
export function normaliseWord(word: string): string {
  // Most words are plain ASCII: skip the Unicode decomposition for them, it dominates tagging time.
  if (asciiWord.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}
const asciiWord = /^[\x20-\x7e]*$/;

/** Splits text into tokens with their offsets. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    let word = match[0];
    if (possessive.test(word) && word.length > 2) word = word.slice(0, -2);
    const start = match.index;
    const first = word[0] ?? '';
    tokens.push({ norm: normaliseWord(word), start, end: start + word.length, capitalised: first !== first.toLowerCase() });
  }
  return tokens;
}

/** The normalised tokens of a name, as it is keyed in a gazetteer. */
export function nameTokens(name: string): string[] {
  return tokenise(name).map((t) => t.norm);
}
