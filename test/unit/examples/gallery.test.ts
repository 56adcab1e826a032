import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exampleFileName, exampleNames, EXAMPLES_DIR } from '../../../cli/io/examples'
import { ORCHESTRATOR_IDS } from '../../../shared/catalog/ids'
import { parseDesign } from '../../../shared/model/index'
import {
  buildGallery,
  galleryDrift,
  GALLERY_FILES,
  leadingComment,
  writeGallery,
} from '../../../scripts/build-gallery'

// One fresh generation shared by the tests: it renders every example's document.
const generated = await buildGallery()
const names = await exampleNames()

const temps: string[] = []
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true })
})

describe('example gallery (assets/examples)', () => {
  it('has at least six examples and covers every orchestrator', async () => {
    expect(names.length).toBeGreaterThanOrEqual(6)
    const orchestrators = new Set<string>()
    for (const name of names) {
      const parsed = parseDesign(
        await readFile(path.join(EXAMPLES_DIR, exampleFileName(name)), 'utf8'),
      )
      expect(parsed.ok, name).toBe(true)
      if (parsed.ok) orchestrators.add(parsed.design.choices.orchestrator)
    }
    expect([...orchestrators].sort()).toEqual([...ORCHESTRATOR_IDS].sort())
  })

  it('commits, for every example, exactly the generated files, byte for byte', async () => {
    const drift = await galleryDrift(EXAMPLES_DIR, generated)
    expect(drift, 'the example gallery is out of date: run npm run gallery').toEqual([])
    const expected = names.flatMap((n) => GALLERY_FILES.map((f) => `out/${n}/${f}`))
    expect([...generated.keys()].sort()).toEqual([...expected, 'README.md'].sort())
  }, 60_000)

  it('lists every example in the README, linking to its design document', () => {
    const readme = generated.get('README.md')!
    for (const name of names) {
      const line = readme.split('\n').find((l) => l.includes(`](out/${name}/design.md)`))
      expect(line, name).toBeDefined()
      expect(line).toContain(`](${exampleFileName(name)})`)
    }
  })

  it('reports missing, changed and extra files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stackwright-gallery-'))
    temps.push(dir)
    await writeGallery(dir, generated)
    expect(await galleryDrift(dir, generated)).toEqual([])
    const [first, second] = names
    await rm(path.join(dir, `out/${first}/design.md`))
    await writeFile(path.join(dir, `out/${second}/report.json`), '{}\n')
    await writeFile(path.join(dir, 'out/stray.md'), 'left over\n')
    expect(await galleryDrift(dir, generated)).toEqual([
      `out/${first}/design.md: missing`,
      `out/${second}/report.json: differs`,
      'out/stray.md: not generated from any example',
    ])
  })
})

describe('leadingComment', () => {
  it('joins the comment lines before the first line of YAML', () => {
    expect(leadingComment('# A platform:\n#   two lines\napiVersion: x\n# later\n')).toBe(
      'A platform: two lines',
    )
    expect(leadingComment('apiVersion: x\n# not leading\n')).toBe('')
  })
})
