import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers'

const run = promisify(execFile)

const config = parse(await readFile(path.resolve('electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>
const schema = JSON.parse(
  await readFile(path.resolve('node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as Record<string, unknown>
// The schema uses a few non-standard keywords and formats; strict mode would reject the schema itself.
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema)

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const valid = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('identifies the app and ships only the bundled build inside an asar', () => {
    expect(config).toMatchObject({
      appId: 'dev.stackwright.app',
      productName: 'Stackwright',
      asar: true,
    })
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']))
  })

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('associates .stackwright.yaml files and builds the agreed targets', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'stackwright.yaml', name: 'Stackwright design' }),
    ])
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'], icon: 'assets/icons/png' },
      win: { target: 'nsis', icon: 'assets/icons/icon.ico' },
      mac: { target: 'dmg', icon: 'assets/icons/icon.icns' },
    })
  })

  it('fails validation for a misspelt fuse (the schema check is real)', () => {
    expect(validate({ ...config, electronFuses: { runAsnode: false } })).toBe(false)
  })
})

// --- Icons -------------------------------------------------------------------------------------
// electron-builder resolves a resource path against buildResources first, then the project folder.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
// Pixel size of each ICNS entry type Stackwright writes (ic11-ic14 are the @2x variants).
const ICNS_TYPE_SIZE: Record<string, number> = {
  ic04: 16,
  ic05: 32,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
}

/** Every `...icon` / `...Icon` value in the config, with where it was found. */
function iconRefs(node: unknown, at = ''): { at: string; value: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => iconRefs(item, `${at}[${i}]`))
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, value]) => {
    const here = at === '' ? key : `${at}.${key}`
    if (/icon$/i.test(key) && typeof value === 'string') return [{ at: here, value }]
    return iconRefs(value, here)
  })
}

function resolveResource(ref: string): string | null {
  const buildResources = (config.directories as { buildResources?: string } | undefined)
    ?.buildResources
  const candidates = [
    ...(buildResources ? [path.resolve(buildResources, ref)] : []),
    path.resolve(ref),
  ]
  return candidates.find((p) => existsSync(p)) ?? null
}

/** Width and height of a PNG, from its IHDR chunk; throws when `bytes` is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Problems with an icon folder: every `<n>x<n>.png` must be n by n pixels. */
function checkPngFolder(dir: string): { sizes: number[]; problems: string[] } {
  const sizes: number[] = []
  const problems: string[] = []
  for (const name of readdirSync(dir)) {
    const m = /^(\d+)x(\d+)\.png$/.exec(name)
    if (m === null) continue
    const { width, height } = pngSize(readFileSync(path.join(dir, name)))
    if (width !== Number(m[1]) || height !== Number(m[2]))
      problems.push(`${name} is ${width}x${height}`)
    sizes.push(Number(m[1]))
  }
  return { sizes: sizes.sort((a, b) => a - b), problems }
}

/** Problems with an ICO: each entry's image (PNG or BMP) must have the size its directory entry says. */
function checkIco(bytes: Buffer): { sizes: number[]; problems: string[] } {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an ICO')
  const sizes: number[] = []
  const problems: string[] = []
  for (let i = 0; i < bytes.readUInt16LE(4); i++) {
    const entry = 6 + 16 * i
    const size = bytes.readUInt8(entry) || 256
    const image = bytes.subarray(
      bytes.readUInt32LE(entry + 12),
      bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8),
    )
    // A BMP entry stores twice the height: the colour rows, then the transparency mask.
    const actual = image.subarray(0, 8).equals(PNG_SIGNATURE)
      ? pngSize(image)
      : { width: image.readInt32LE(4), height: image.readInt32LE(8) / 2 }
    if (actual.width !== size || actual.height !== size)
      problems.push(`entry ${i} says ${size}, holds ${actual.width}x${actual.height}`)
    sizes.push(size)
  }
  return { sizes: sizes.sort((a, b) => a - b), problems }
}

/** Problems with an ICNS: the length must add up and each PNG entry must have its type's size. */
function checkIcns(bytes: Buffer): { types: string[]; problems: string[] } {
  if (bytes.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS')
  const problems: string[] = []
  if (bytes.readUInt32BE(4) !== bytes.length) problems.push('header length is not the file length')
  const types: string[] = []
  for (let at = 8; at + 8 <= bytes.length; at += bytes.readUInt32BE(at + 4)) {
    const type = bytes.toString('latin1', at, at + 4)
    const data = bytes.subarray(at + 8, at + bytes.readUInt32BE(at + 4))
    const expected = ICNS_TYPE_SIZE[type]
    types.push(type)
    if (expected === undefined) problems.push(`unexpected entry ${type}`)
    else if (data.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const { width, height } = pngSize(data)
      if (width !== expected || height !== expected)
        problems.push(`${type} holds ${width}x${height}, expected ${expected}`)
    } else if (data.toString('latin1', 0, 4) !== 'ARGB')
      problems.push(`${type} is neither PNG nor ARGB`)
  }
  return { types, problems }
}

/** Bytes of an ICNS PackBits stream once expanded (runs: 0-127 literal n+1 bytes, 128-255 repeat n-125). */
function packBitsLength(data: Buffer): number {
  let length = 0
  for (let at = 0; at < data.length;) {
    const control = data[at]!
    if (control < 128) {
      length += control + 1
      at += control + 2
    } else {
      length += control - 125
      at += 2
    }
  }
  return length
}

/** Problems with any referenced icon, by kind: PNG folder, ICO, ICNS or a single large PNG. */
function checkIcon(file: string): string[] {
  if (statSync(file).isDirectory()) return checkPngFolder(file).problems
  const bytes = readFileSync(file)
  if (file.endsWith('.ico')) return checkIco(bytes).problems
  if (file.endsWith('.icns')) return checkIcns(bytes).problems
  const { width, height } = pngSize(bytes)
  return width === height && width >= 512 ? [] : [`${width}x${height}, not square 512 or more`]
}

const ALL_PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

describe('icons referenced by electron-builder.yml', () => {
  it('names an icon for every platform, and every icon path exists with the right sizes', () => {
    const refs = iconRefs(config)
    expect(refs.map((r) => r.at)).toEqual(
      expect.arrayContaining(['linux.icon', 'win.icon', 'mac.icon']),
    )
    for (const ref of refs) {
      const file = resolveResource(ref.value)
      expect(file, `${ref.at}: ${ref.value} does not exist`).not.toBeNull()
      expect(checkIcon(file!), `${ref.at}: ${ref.value}`).toEqual([])
    }
  })

  it('gives Linux a PNG for every size from 16 to 1024, each as large as its name says', () => {
    const dir = resolveResource((config.linux as { icon: string }).icon)!
    expect(checkPngFolder(dir)).toEqual({ sizes: ALL_PNG_SIZES, problems: [] })
  })

  it('gives Windows an ICO with every shell size from 16 to 256', () => {
    const ico = readFileSync(resolveResource((config.win as { icon: string }).icon)!)
    expect(checkIco(ico)).toEqual({ sizes: [16, 24, 32, 48, 64, 128, 256], problems: [] })
  })

  it('gives macOS an ICNS from 16 to 1024, including the @2x variants', () => {
    const icns = readFileSync(resolveResource((config.mac as { icon: string }).icon)!)
    const { types, problems } = checkIcns(icns)
    expect(problems).toEqual([])
    expect([...types].sort()).toEqual(Object.keys(ICNS_TYPE_SIZE).sort())
    // The 16 and 32 px entries are PackBits ARGB: four channels of size x size once expanded.
    for (const [type, size] of [
      ['ic04', 16],
      ['ic05', 32],
    ] as const) {
      const at = icns.indexOf(type, 8, 'latin1')
      const data = icns.subarray(at + 12, at + icns.readUInt32BE(at + 4))
      expect(packBitsLength(data), type).toBe(4 * size * size)
    }
  })

  it('reports a mislabelled PNG, an ICO entry of the wrong size and a truncated ICNS', async () => {
    const dir = await tempDir()
    await copyFile('assets/icons/png/16x16.png', path.join(dir, '32x32.png'))
    expect(checkPngFolder(dir).problems).toEqual(['32x32.png is 16x16'])

    const ico = readFileSync('assets/icons/icon.ico')
    ico.writeUInt8(20, 6) // the first entry now claims 20 px
    expect(checkIco(ico).problems).toEqual(['entry 0 says 20, holds 16x16'])

    const icns = readFileSync('assets/icons/icon.icns')
    expect(checkIcns(icns.subarray(0, icns.length - 1)).problems).toContain(
      'header length is not the file length',
    )
  })
})

describe('scripts/build-icons.mjs', () => {
  it('finds the committed icons up to date with icon.svg', async () => {
    const { stdout } = await run(process.execPath, ['scripts/build-icons.mjs', '--check'])
    expect(stdout).toContain('match assets/icons/icon.svg')
  }, 30_000)

  it('writes every icon, and --check fails on a stale one with the command to run', async () => {
    const out = await tempDir()
    await run(process.execPath, ['scripts/build-icons.mjs', '--out', out])
    expect(pngSize(readFileSync(path.join(out, 'icon.png')))).toEqual({ width: 1024, height: 1024 })
    expect(checkPngFolder(path.join(out, 'png')).sizes).toEqual(ALL_PNG_SIZES)
    await writeFile(path.join(out, 'png/32x32.png'), readFileSync(path.join(out, 'png/16x16.png')))
    const check = run(process.execPath, ['scripts/build-icons.mjs', '--check', '--out', out])
    await expect(check).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /png\/32x32\.png: is 16x16, expected 32x32[\s\S]*run npm run icons/,
      ),
    })
  }, 30_000)
})
