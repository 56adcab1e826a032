// Loader limits: hostile or accidental input is refused early, in bounded time and memory.

/** Largest design file accepted, in UTF-8 bytes; bigger input is refused before parsing. */
export const MAX_DESIGN_BYTES = 4 * 1024 * 1024

/**
 * Deepest nesting accepted. A real design nests about 6 levels; the YAML library's lexer and
 * composer slow down and recurse with depth, so deeper input never reaches them.
 */
export const MAX_DEPTH = 64

/**
 * Most line breaks and YAML indicator characters (- ? : , [ ] { } # & * ! | > ' " % @ `) a file
 * may hold. Every YAML token but plain text and white space starts with one, so this cheap count
 * bounds the parser's work: the YAML library handles only a few hundred thousand tokens a second.
 * A design with LIMITS.workloads (5000) workloads has about 120,000.
 */
export const MAX_STRUCTURE = 300_000

/** Backstop on the lexer: more tokens than MAX_STRUCTURE allows means the estimate was wrong. */
export const MAX_LEXEMES = 4 * MAX_STRUCTURE

/** Most alias nodes (`*name`) a design may use. */
export const MAX_ALIASES = 100

/** Most extra values aliases may add when expanded (stops "billion laughs" alias bombs). */
export const MAX_ALIAS_EXPANSION = 10_000

/** Most errors reported for one file; the rest are summarised in one line. */
export const MAX_ERRORS = 50

/** Most YAML syntax errors reported: later ones are usually knock-on effects of the first. */
export const MAX_SYNTAX_ERRORS = 5
