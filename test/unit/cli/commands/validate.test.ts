import { truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { validateCommand } from '../../../../cli/commands/validate'
import { MAX_DESIGN_BYTES } from '../../../../shared/model/index'
import type { CapturedIo } from '../capture-io'
import { captureIo } from '../capture-io'
import {
  INVALID_DESIGN,
  V1_DESIGN,
  VIOLATING_DESIGN,
  VIOLATING_V1_DESIGN,
  exampleText,
  writeDesign,
} from '../fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

/** The 1-based line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('validate', () => {
  it('accepts a valid design with exit 0', async () => {
    const file = writeDesign(t.dir, 'ok.yaml', exampleText('payments-eks.stackwright.yaml'))
    expect(await validateCommand({ file, format: 'text' }, t.io)).toBe(0)
    expect(t.stdout()).toContain('ok.yaml: valid')
    expect(t.stderr()).toBe('')
  })

  it('prints every schema error as file:line:col: path: message and exits 1', async () => {
    const file = writeDesign(t.dir, 'bad.yaml', INVALID_DESIGN)
    expect(await validateCommand({ file, format: 'text' }, t.io)).toBe(1)
    const lines = t
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('bad.yaml:'))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      new RegExp(`^bad\\.yaml:${lineOf(INVALID_DESIGN, 'Not_A_Label')}:\\d+: metadata\\.name: `),
    )
    expect(lines[1]).toMatch(
      new RegExp(`^bad\\.yaml:${lineOf(INVALID_DESIGN, 'plugin:')}:\\d+: choices\\.plugin: `),
    )
    expect(t.stdout()).toBe('')
  })

  it('names a bad node pool entry by index and field, at its line', async () => {
    const text = `apiVersion: stackwright.dev/v2
kind: Design
metadata:
  name: shop
nodePools:
  - name: workers
    os: ubuntu
    runtime: containerd
  - name: windows
    os: windows-servr
    runtime: containerd
    sandbox: [windows-hyperv]
`
    const file = writeDesign(t.dir, 'pools.yaml', text)
    expect(await validateCommand({ file, format: 'text' }, t.io)).toBe(1)
    expect(
      t
        .stderr()
        .split('\n')
        .filter((l) => l.startsWith('pools.yaml:')),
    ).toEqual([
      `pools.yaml:10:9: nodePools[1].os: must be one of: ubuntu, rhel, amazon-linux, bottlerocket, flatcar, talos, fedora-coreos, cos, azure-linux, windows-server (got "windows-servr") (did you mean "windows-server"?)`,
      'pools.yaml:12:5: nodePools[1].sandbox: unknown field "sandbox" (did you mean "sandboxes"?)',
    ])
  })

  it('reports engine violations at the line of the offending choice, exit 1', async () => {
    const file = writeDesign(t.dir, 'v.yaml', VIOLATING_DESIGN)
    expect(await validateCommand({ file, format: 'text' }, t.io)).toBe(1)
    const line = lineOf(VIOLATING_DESIGN, 'runtime: containerd')
    expect(t.stderr()).toMatch(
      new RegExp(
        `^v\\.yaml:${line}:\\d+: nodePools\\[0\\]\\.runtime: COMPAT-RUNTIME-ORCHESTRATOR: .*\\(fix: `,
        'm',
      ),
    )
    expect(t.stderr()).not.toContain('migration')
  })

  it('reads a v1 file through the migration and says so', async () => {
    const file = writeDesign(t.dir, 'old.yaml', V1_DESIGN)
    expect(await validateCommand({ file, format: 'text' }, t.io)).toBe(0)
    expect(t.stdout()).toBe(
      'old.yaml: valid (design still-v1, 1 workload, migrated from stackwright.dev/v1)\n',
    )
    const u = captureIo()
    try {
      const json = writeDesign(u.dir, 'old.yaml', V1_DESIGN)
      expect(await validateCommand({ file: json, format: 'json' }, u.io)).toBe(0)
      expect(JSON.parse(u.stdout())).toEqual({
        valid: true,
        errors: [],
        migratedFrom: 'stackwright.dev/v1',
      })
    } finally {
      u.cleanup()
    }
  })

  it('places a violation on a pool v1 implied at the field that implied it', async () => {
    const text = `apiVersion: stackwright.dev/v1
kind: Design
metadata:
  name: sandboxed-ecs
context:
  cloud: aws
choices:
  orchestrator: ecs-ec2
  runtime: docker
  os: amazon-linux
isolation:
  runtimeClassForUntrusted: kata
workloads:
  - name: web
    image: ghcr.io/acme/web:1.0.0
    trust: untrusted
`
    const file = writeDesign(t.dir, 'ecs.yaml', text)
    expect(await validateCommand({ file, format: 'json' }, t.io)).toBe(1)
    const report = JSON.parse(t.stdout()) as {
      errors: { rule?: string; path: string; line?: number }[]
      migratedFrom?: string
    }
    expect(report.migratedFrom).toBe('stackwright.dev/v1')
    expect(report.errors).toEqual([
      expect.objectContaining({
        rule: 'COMPAT-SANDBOX-UNSUPPORTED',
        path: 'isolation.runtimeClassForUntrusted',
        line: lineOf(text, 'runtimeClassForUntrusted'),
      }),
    ])
  })

  it('places violations in a v1 file at the v1 field they came from', async () => {
    const file = writeDesign(t.dir, 'v.yaml', VIOLATING_V1_DESIGN)
    expect(await validateCommand({ file, format: 'text' }, t.io)).toBe(1)
    const line = lineOf(VIOLATING_V1_DESIGN, 'runtime: containerd')
    expect(t.stderr()).toMatch(/^stackwright: note: v\.yaml is format stackwright\.dev\/v1; /m)
    expect(t.stderr()).toMatch(
      new RegExp(`^v\\.yaml:${line}:\\d+: choices\\.runtime: COMPAT-RUNTIME-ORCHESTRATOR: `, 'm'),
    )
  })

  it('prints { valid, errors } as JSON', async () => {
    const good = writeDesign(t.dir, 'ok.yaml', exampleText('small-team-ecs.stackwright.yaml'))
    expect(await validateCommand({ file: good, format: 'json' }, t.io)).toBe(0)
    expect(JSON.parse(t.stdout())).toEqual({ valid: true, errors: [] })

    const u = captureIo()
    try {
      const bad = writeDesign(u.dir, 'v.yaml', VIOLATING_DESIGN)
      expect(await validateCommand({ file: bad, format: 'json' }, u.io)).toBe(1)
      const report = JSON.parse(u.stdout()) as {
        valid: boolean
        errors: { rule?: string; line?: number }[]
      }
      expect(report.valid).toBe(false)
      expect(report.errors.map((e) => e.rule)).toContain('COMPAT-RUNTIME-ORCHESTRATOR')
      expect(report.errors.every((e) => typeof e.line === 'number')).toBe(true)
    } finally {
      u.cleanup()
    }
  })

  it('treats a missing file, a folder and a device as usage errors (exit 2)', async () => {
    expect(await validateCommand({ file: 'nope.yaml', format: 'text' }, t.io)).toBe(2)
    expect(t.stderr()).toContain('cannot read nope.yaml: no such file or directory')
    expect(await validateCommand({ file: '.', format: 'text' }, t.io)).toBe(2)
    expect(await validateCommand({ file: '/dev/null', format: 'text' }, t.io)).toBe(2)
    expect(t.stderr()).not.toMatch(/\n\s+at /)
  })

  it('refuses binary junk clearly, exit 1', async () => {
    writeFileSync(
      path.join(t.dir, 'junk.yaml'),
      Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]),
    )
    expect(await validateCommand({ file: 'junk.yaml', format: 'text' }, t.io)).toBe(1)
    expect(t.stderr()).toMatch(/^junk\.yaml/m)
  })

  it('refuses an oversized file from its size, without reading it', async () => {
    const file = path.join(t.dir, 'huge.yaml')
    writeFileSync(file, '')
    // A sparse file: huge on paper, nothing on disk; reading it would take visible time and memory.
    truncateSync(file, MAX_DESIGN_BYTES * 64)
    expect(await validateCommand({ file: 'huge.yaml', format: 'text' }, t.io)).toBe(1)
    expect(t.stderr()).toMatch(/huge\.yaml: the file is 256\.0 MB; a design file may be at most/)
  })
})
