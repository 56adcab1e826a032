// The version printed by --version: the package's own, fixed by the bundle or read from package.json.
import { readFileSync } from 'node:fs'

// scripts/build-cli.mjs defines this; under tsx (inside the repository) it does not exist.
declare const __STACKWRIGHT_VERSION__: string | undefined

/** package.json's version field. */
export function packageVersion(): string {
  if (typeof __STACKWRIGHT_VERSION__ === 'string') return __STACKWRIGHT_VERSION__
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8')
  const version = (JSON.parse(text) as { version?: unknown }).version
  return typeof version === 'string' ? version : '0.0.0'
}
