// Deterministic unique names: two different inputs can build the same readable name (`a-to` + `b`, `a` + `to-b`).

/** Hands out names, appending `<sep>2`, `<sep>3`, ... when a base is taken; call order decides, so sort first. */
export function createNameAllocator(separator: string): (base: string) => string {
  const taken = new Set<string>()
  return (base) => {
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base}${separator}${n}`
    taken.add(name)
    return name
  }
}

/** `metrics-agent` -> `MetricsAgent`: a readable CloudFormation logical id part (not unique on its own). */
export function pascalCase(dnsLabel: string): string {
  return dnsLabel
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

/** FNV-1a 32-bit as 8 hex digits: a short, stable fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** Keeps a name within `max` characters: longer names are cut and end in `-<fingerprint>` so they stay distinct. */
export function boundedName(name: string, max: number): string {
  if (name.length <= max) return name
  return `${name.slice(0, max - 9).replace(/-+$/, '')}-${fingerprint(name)}`
}
