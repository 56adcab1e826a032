// Bundles the CLI to dist/cli/stackwright.mjs (ESM, every npm dependency bundled in, nothing loaded from
// node_modules at run time). Code splitting keeps the document/SVG path (doc generator, elkjs,
// beautiful-mermaid) in chunks that only `generate` imports, so `validate` and `evaluate` start fast.
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { chmod, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// `--outdir <dir>` lets tests build somewhere else; the package's bin is dist/cli/stackwright.mjs.
const outArg = process.argv.indexOf('--outdir')
const outdir =
  outArg > 0 && process.argv[outArg + 1]
    ? path.resolve(process.argv[outArg + 1])
    : path.join(root, 'dist', 'cli')
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))

// Old chunks have hashed names; clear them so the package never ships stale ones.
await rm(outdir, { recursive: true, force: true })
await build({
  entryPoints: { stackwright: 'cli/main.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // package.json engines: node >= 20.19.
  target: 'node20',
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM has none without this.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __swCreateRequire } from 'node:module';\nconst require = __swCreateRequire(import.meta.url);",
  },
  // The bundle cannot read package.json relative to itself, so the version is fixed at build time.
  define: { __STACKWRIGHT_VERSION__: JSON.stringify(version) },
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  tsconfig: path.join(root, 'tsconfig.node.json'),
})
await chmod(path.join(outdir, 'stackwright.mjs'), 0o755)
console.log(`built ${path.relative(root, outdir)}/stackwright.mjs`)
