import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { initCommand, nameFromFile } from '../../../../cli/commands/init'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/index'
import { CURRENT_API_VERSION, parseDesign } from '../../../../shared/model/index'
import { exampleFiles } from '../../../support/designs'
import type { CapturedIo } from '../capture-io'
import { captureIo } from '../capture-io'
import { exampleText } from '../fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

const read = (file: string) => readFileSync(path.join(t.dir, file), 'utf8')
const parsed = (file: string) => {
  const result = parseDesign(read(file), { fileName: file })
  if (!result.ok) throw new Error(`not a valid design: ${JSON.stringify(result.errors)}`)
  return result.design
}

describe('init', () => {
  it('writes a valid new design to design.stackwright.yaml by default', async () => {
    expect(await initCommand({ force: false }, t.io)).toBe(0)
    const design = parsed('design.stackwright.yaml')
    expect(design.metadata.name).toBe('my-platform')
    expect(t.stdout()).toContain('design.stackwright.yaml')
  })

  it('writes the current format, v2, with node pools, buildable as it is', async () => {
    expect(await initCommand({ force: false }, t.io)).toBe(0)
    const text = read('design.stackwright.yaml')
    expect(text.startsWith(`apiVersion: ${CURRENT_API_VERSION}\n`)).toBe(true)
    expect(CURRENT_API_VERSION).toBe('stackwright.dev/v2')
    const result = parseDesign(text)
    expect(result.ok && result.migratedFrom).toBeUndefined()
    const design = parsed('design.stackwright.yaml')
    expect(design.nodePools.map((p) => p.role)).toEqual(['control-plane', 'workers'])
    expect(evaluate(design, catalog).violations).toEqual([])
  })

  it('names the design after the file, or after --name', async () => {
    expect(await initCommand({ file: 'Payments API.stackwright.yaml', force: false }, t.io)).toBe(0)
    expect(parsed('Payments API.stackwright.yaml').metadata.name).toBe('payments-api')
    expect(await initCommand({ file: 'b.yaml', name: 'ledger', force: false }, t.io)).toBe(0)
    expect(parsed('b.yaml').metadata.name).toBe('ledger')
  })

  it('refuses to overwrite an existing file without --force, and overwrites with it', async () => {
    writeFileSync(path.join(t.dir, 'design.stackwright.yaml'), 'keep me\n')
    expect(await initCommand({ force: false }, t.io)).toBe(2)
    expect(read('design.stackwright.yaml')).toBe('keep me\n')
    expect(t.stderr()).toMatch(/already exists.*--force/)
    expect(await initCommand({ force: true }, t.io)).toBe(0)
    expect(parsed('design.stackwright.yaml').metadata.name).toBe('my-platform')
  })

  it('copies an example verbatim, comments included', async () => {
    expect(await initCommand({ file: 'p.yaml', example: 'payments-eks', force: false }, t.io)).toBe(
      0,
    )
    expect(read('p.yaml')).toBe(exampleText('payments-eks.stackwright.yaml'))
  })

  it('renames a copied example with --name and keeps it valid', async () => {
    const args = { file: 'p.yaml', example: 'nomad-edge', name: 'store-42', force: false }
    expect(await initCommand(args, t.io)).toBe(0)
    expect(parsed('p.yaml').metadata.name).toBe('store-42')
    expect(read('p.yaml')).toContain('# Retail edge on HashiCorp Nomad')
  })

  it('writes JSON when the file name ends in .json', async () => {
    expect(
      await initCommand({ file: 'd.json', example: 'small-team-ecs', force: false }, t.io),
    ).toBe(0)
    const json = JSON.parse(read('d.json')) as { metadata: { name: string } }
    expect(json.metadata.name).toBe('shop-backend')
    expect(parsed('d.json').choices.orchestrator).toBe('ecs-fargate')
  })

  it('lists every example when --example has no name', async () => {
    expect(await initCommand({ example: true, force: false }, t.io)).toBe(0)
    for (const file of exampleFiles())
      expect(t.stdout()).toContain(file.replace('.stackwright.yaml', ''))
  })

  it('refuses an unknown example and lists the known ones', async () => {
    expect(await initCommand({ example: 'nope', force: false }, t.io)).toBe(2)
    expect(t.stderr()).toContain('unknown example "nope"')
    expect(t.stderr()).toContain('payments-eks')
  })

  it('refuses a name that is not a DNS-1123 label', async () => {
    expect(await initCommand({ name: 'Bad Name', force: false }, t.io)).toBe(2)
    expect(t.stderr()).toContain('DNS-1123')
  })

  it('reports a folder that does not exist as a usage error', async () => {
    expect(await initCommand({ file: 'missing/dir/d.yaml', force: false }, t.io)).toBe(2)
    expect(t.stderr()).toContain('cannot write missing/dir/d.yaml')
  })
})

describe('nameFromFile', () => {
  it.each([
    ['payments.stackwright.yaml', 'payments'],
    ['/a/b/Edge_Cluster.yml', 'edge-cluster'],
    ['design.stackwright.yaml', 'my-platform'],
    ['---.json', 'my-platform'],
  ])('%s -> %s', (file, name) => {
    expect(nameFromFile(file)).toBe(name)
  })
})

describe('init --example --name', () => {
  it('changes only the name line of the example', async () => {
    const c = captureIo()
    try {
      const args = { file: 'x.yaml', example: 'payments-eks', name: 'renamed', force: false }
      expect(await initCommand(args, c.io)).toBe(0)
      const before = exampleText('payments-eks.stackwright.yaml').split('\n')
      const after = readFileSync(path.join(c.dir, 'x.yaml'), 'utf8').split('\n')
      const changed = after.filter((line, i) => line !== before[i])
      expect(changed).toEqual(['  name: renamed'])
    } finally {
      c.cleanup()
    }
  })
})
