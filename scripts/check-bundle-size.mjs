#!/usr/bin/env node
// Fails when the JavaScript the renderer loads before first paint (the entry chunk and its static
// imports, from Vite's manifest) exceeds the gzip budget. Lazily loaded chunks (Mermaid, the
// generators, the highlighter) do not count. Run after `npm run build:renderer`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 300
const outDir = join(import.meta.dirname, '..', 'dist', 'renderer')
const manifestPath = join(outDir, '.vite', 'manifest.json')

let manifest
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
} catch (e) {
  console.error(`Cannot read ${manifestPath}: ${e.message}. Run \`npm run build:renderer\` first.`)
  process.exit(2)
}

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry)
if (entries.length === 0) {
  console.error('The Vite manifest lists no entry chunk.')
  process.exit(2)
}

// Walk static imports only: dynamic imports load later, on demand.
const initial = new Set()
const visit = (key) => {
  if (initial.has(key)) return
  const chunk = manifest[key]
  if (!chunk) throw new Error(`Manifest has no chunk ${key}`)
  initial.add(key)
  for (const dep of chunk.imports ?? []) visit(dep)
}
for (const [key] of entries) visit(key)

const gzipKb = (file) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024
let totalJs = 0
const rows = []
for (const key of initial) {
  const { file, css = [] } = manifest[key]
  const js = gzipKb(file)
  totalJs += js
  rows.push([file, js])
  for (const sheet of css) rows.push([sheet, gzipKb(sheet)])
}

for (const [file, kb] of rows) console.log(`${kb.toFixed(1).padStart(8)} KB gzip  ${file}`)
console.log(
  `${totalJs.toFixed(1).padStart(8)} KB gzip  initial JavaScript (budget ${BUDGET_KB} KB)`,
)
if (totalJs > BUDGET_KB) {
  console.error(`Initial JavaScript is ${(totalJs - BUDGET_KB).toFixed(1)} KB over budget.`)
  process.exit(1)
}
