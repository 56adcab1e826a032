// The version printed by --version: the package's own, read once from package.json.
import { readFileSync } from 'node:fs'

/** package.json's version field. */
export function packageVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8')
  const version = (JSON.parse(text) as { version?: unknown }).version
  return typeof version === 'string' ? version : '0.0.0'
}
