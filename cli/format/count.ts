// Counted nouns for messages: `1 error`, `3 errors`.

/** `n` followed by `noun`, pluralised with a plain 's'. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
