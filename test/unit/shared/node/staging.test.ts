// What killed runs leave beside a target (staging.ts), handled by the next writeArtifacts: dead runs'
// staging and trash folders removed, an earlier output a run had moved aside moved back when the
// target is missing, live runs' and other targets' folders left alone.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeArtifacts } from '../../../../shared/node/write-artifacts'
import { TOP_LEVEL, artifacts, deadPid, earlierOutput, problemOf, tree } from './write-fixtures'

let base: string
let out: string
beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stackwright-staging-')))
  out = path.join(base, 'out')
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

/** The entries of the folder holding `out`: anything beside it is a leftover. */
const besideOut = () => readdirSync(base).sort()

describe('leftovers of killed runs', () => {
  it('are removed by the next write to the same target; those of live runs and others stay', async () => {
    const dead = deadPid()
    const live = process.ppid
    const names = {
      deadStaging: `.out.stackwright-staging-${dead}-0123456789ab`,
      deadOld: `.out.stackwright-old-${dead}-ba9876543210`,
      deadTrash: `.out.stackwright-trash-${dead}-ba9876543210`,
      liveStaging: `.out.stackwright-staging-${live}-aaaaaaaaaaaa`,
      otherTarget: `.other.stackwright-staging-${dead}-0123456789ab`,
      notOurs: `.out.stackwright-staging-${dead}-nothex`,
    }
    for (const name of Object.values(names)) {
      mkdirSync(path.join(base, name, 'kubernetes'), { recursive: true })
      writeFileSync(path.join(base, name, 'kubernetes', 'half.yaml'), 'kind: Half')
    }
    // An empty target exists, so the dead run's `old` folder is removed, not moved back.
    mkdirSync(out)
    await writeArtifacts(out, artifacts('new'), { mode: 'create' })
    expect(besideOut()).toEqual(['out', names.liveStaging, names.otherTarget, names.notOurs].sort())
    expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
  })

  it.each(['replace', 'create'] as const)(
    'a run killed between moving the old output aside and the new one in: the next %s moves it back first',
    async (mode) => {
      const before = await earlierOutput(out)
      const aside = path.join(base, `.out.stackwright-old-${deadPid()}-0123456789ab`)
      const staging = path.join(base, `.out.stackwright-staging-${deadPid()}-0123456789ab`)
      renameSync(out, aside)
      mkdirSync(staging)
      writeFileSync(path.join(staging, 'design.md'), '# Design killed\n')
      if (mode === 'replace') {
        await writeArtifacts(out, artifacts('new'), { mode, replaceOnly: TOP_LEVEL })
        expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
        expect(existsSync(path.join(out, 'kubernetes', 'stale.yaml'))).toBe(false)
      } else {
        // Without --force the earlier output is back and, as before the killed run, not replaced.
        expect(await problemOf(writeArtifacts(out, artifacts('new'), { mode }))).toBe('not-empty')
        expect(tree(out)).toEqual(before)
      }
      expect(besideOut()).toEqual(['out'])
    },
  )

  it('an earlier output moved aside is not moved back over a target that exists', async () => {
    await writeArtifacts(out, artifacts('current'), { mode: 'create' })
    const aside = path.join(base, `.out.stackwright-old-${deadPid()}-0123456789ab`)
    mkdirSync(aside)
    writeFileSync(path.join(aside, 'design.md'), '# Design older\n')
    await writeArtifacts(out, artifacts('new'), { mode: 'replace', replaceOnly: TOP_LEVEL })
    expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
    expect(besideOut()).toEqual(['out'])
  })

  it('inside a merged folder, the staging folders of dead runs are removed too', async () => {
    mkdirSync(out)
    writeFileSync(path.join(out, 'notes.txt'), 'mine')
    const leftover = `.out.stackwright-staging-${deadPid()}-0123456789ab`
    mkdirSync(path.join(out, leftover))
    await writeArtifacts(out, artifacts('new'), { mode: 'merge' })
    expect(readdirSync(out)).not.toContain(leftover)
    expect(readdirSync(out)).toContain('notes.txt')
  })
})
