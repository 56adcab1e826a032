import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

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
      linux: { target: ['AppImage', 'deb'], icon: 'assets/icons/icon.png' },
      win: { target: 'nsis', icon: 'assets/icons/icon.png' },
      mac: { target: 'dmg', icon: 'assets/icons/icon.png' },
    })
  })

  it('fails validation for a misspelt fuse (the schema check is real)', () => {
    expect(validate({ ...config, electronFuses: { runAsnode: false } })).toBe(false)
  })
})
