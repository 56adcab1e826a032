// Text-to-value parsers for workload fields typed as lists.

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const items = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** "80, 443" -> [80, 443]; ports are 1..65535 and listed once. */
export function parsePorts(text: string): Parsed<number[]> {
  const parts = items(text)
  const ports: number[] = []
  for (const p of parts) {
    if (!/^[0-9]+$/.test(p)) return { ok: false, error: `“${p}” is not a port number.` }
    const n = Number(p)
    if (n < 1 || n > 65535) return { ok: false, error: `${n} is outside 1–65535.` }
    if (ports.includes(n)) return { ok: false, error: `${n} is listed twice.` }
    ports.push(n)
  }
  return { ok: true, value: ports }
}

/** "/tmp, /var/cache" -> ["/tmp", "/var/cache"]; the schema checks each path. */
export function parsePaths(text: string): Parsed<string[]> {
  const paths = items(text)
  const seen = new Set<string>()
  for (const p of paths) {
    if (seen.has(p)) return { ok: false, error: `${p} is listed twice.` }
    seen.add(p)
  }
  return { ok: true, value: paths }
}

/** A list back to text. */
export const joinList = (xs: readonly (string | number)[]) => xs.join(', ')
