// Bundles the Electron main process and preload to CommonJS in dist/electron/ (shared/ and npm
// dependencies bundled in, only `electron` left external). Sandboxed preloads can require nothing but
// 'electron', so the preload must be a single file.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// `--outdir <dir>` lets tests build somewhere else; the app loads dist/electron/.
const outArg = process.argv.indexOf('--outdir')
const outdir =
  outArg > 0 && process.argv[outArg + 1]
    ? path.resolve(process.argv[outArg + 1])
    : path.join(root, 'dist', 'electron')

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  tsconfig: path.join(root, 'tsconfig.node.json'),
}

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: path.join(outdir, 'main.cjs'),
    platform: 'node',
    // Electron 45 ships Node 22 in main.
    target: 'node22',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    // The sandboxed preload has a browser-like environment plus a limited require().
    platform: 'browser',
    target: 'chrome140',
  }),
])
console.log(`built ${path.relative(root, outdir)}/main.cjs and preload.cjs`)
