// Rasterises assets/icons/icon.svg into the icons electron-builder packs: PNGs for Linux, icon.ico for
// Windows, icon.icns for macOS. Run `npm run icons` after changing the SVG, and commit the results.
//
//   node scripts/build-icons.mjs [--out DIR] [--check]
//
// --check writes nothing and exits 1 when the icons in DIR no longer match the SVG. Rasterisers may
// differ by a level or two of anti-aliasing between CPUs, so PNGs are compared by pixel with a small
// tolerance; ICO and ICNS are pure functions of the PNGs, so they are rebuilt from the PNGs in DIR and
// compared byte for byte.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { Icns, IcnsImage } from '@fiahfy/icns'
import { Resvg } from '@resvg/resvg-js'
import pngToIco from 'png-to-ico'
import { PNG } from 'pngjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = path.join(root, 'assets/icons/icon.svg')

/** Every PNG size written to png/<size>x<size>.png; Linux picks its sizes from this folder. */
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
/** Windows shell sizes; 256 is the largest an ICO holds and the least electron-builder accepts. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** ICNS entries as iconutil writes them: ARGB for 16/32, PNG for the rest (ic11-ic14 are @2x). */
const ICNS_ENTRIES = [
  ['ic04', 16],
  ['ic05', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
]
/** Largest per-channel difference (0-255) still counted as the same rendering. */
const TOLERANCE = 4

const pngName = (size) => `png/${size}x${size}.png`

/** Renders the SVG at `size` x `size` pixels. */
function render(svg, size) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  })
  return resvg.render().asPng()
}

/** The ICO and ICNS files, built from PNG bytes by size. */
async function containers(pngs) {
  const ico = await pngToIco(ICO_SIZES.map((s) => pngs.get(s)))
  const icns = new Icns()
  for (const [osType, size] of ICNS_ENTRIES) icns.append(IcnsImage.fromPNG(pngs.get(size), osType))
  return new Map([
    ['icon.ico', ico],
    ['icon.icns', icns.data],
  ])
}

/** Every output file (relative path -> bytes) for an SVG source. */
async function buildAll(svg) {
  const pngs = new Map(PNG_SIZES.map((s) => [s, render(svg, s)]))
  const files = new Map(PNG_SIZES.map((s) => [pngName(s), pngs.get(s)]))
  files.set('icon.png', pngs.get(1024))
  for (const [name, bytes] of await containers(pngs)) files.set(name, bytes)
  return files
}

/** Why two PNGs are not the same picture, or null when they are (within TOLERANCE). */
function pngDifference(expected, actual) {
  let a
  try {
    a = PNG.sync.read(actual)
  } catch {
    return 'not a readable PNG'
  }
  const e = PNG.sync.read(expected)
  if (a.width !== e.width || a.height !== e.height)
    return `is ${a.width}x${a.height}, expected ${e.width}x${e.height}`
  let worst = 0
  for (let i = 0; i < e.data.length; i += 4) {
    // Fully transparent pixels have no colour to compare.
    if (e.data[i + 3] === 0 && a.data[i + 3] === 0) continue
    for (let c = 0; c < 4; c++) worst = Math.max(worst, Math.abs(e.data[i + c] - a.data[i + c]))
  }
  return worst > TOLERANCE ? `differs by up to ${worst}/255 per channel` : null
}

const readOrNull = (file) => readFile(file).catch(() => null)

/** Problems found comparing DIR with a fresh build; empty when DIR is up to date. */
async function check(dir, fresh) {
  const problems = []
  const committed = new Map()
  for (const [name, bytes] of fresh) {
    if (!name.endsWith('.png')) continue
    const actual = await readOrNull(path.join(dir, name))
    if (actual === null) {
      problems.push(`${name}: missing`)
      continue
    }
    committed.set(name, actual)
    const why = pngDifference(bytes, actual)
    if (why !== null) problems.push(`${name}: ${why}`)
  }
  if (problems.length > 0) return problems
  const pngs = new Map(PNG_SIZES.map((s) => [s, committed.get(pngName(s))]))
  for (const [name, bytes] of await containers(pngs)) {
    const actual = await readOrNull(path.join(dir, name))
    if (actual === null) problems.push(`${name}: missing`)
    else if (!actual.equals(bytes)) problems.push(`${name}: not built from the PNGs beside it`)
  }
  return problems
}

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(root, 'assets/icons') },
    check: { type: 'boolean', default: false },
  },
})
const outDir = path.resolve(values.out)
const fresh = await buildAll(await readFile(SOURCE, 'utf8'))

if (values.check) {
  const problems = await check(outDir, fresh)
  if (problems.length > 0) {
    console.error(`icons in ${outDir} do not match ${path.relative(root, SOURCE)}:`)
    for (const p of problems) console.error(`  ${p}`)
    console.error('run npm run icons')
    process.exit(1)
  }
  console.log(`icons in ${outDir} match ${path.relative(root, SOURCE)}`)
} else {
  await mkdir(path.join(outDir, 'png'), { recursive: true })
  for (const [name, bytes] of fresh) {
    await writeFile(path.join(outDir, name), bytes)
    console.log(
      `wrote ${path.relative(root, path.join(outDir, name))} (${(bytes.length / 1024).toFixed(1)} kB)`,
    )
  }
}
