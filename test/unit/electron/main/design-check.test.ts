import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { designContentProblem } from '../../../../electron/main/design-check'

const EXAMPLES = path.resolve('assets/examples')

describe('designContentProblem', () => {
  it('accepts every example design', async () => {
    const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.stackwright.yaml'))
    expect(files.length).toBeGreaterThan(0)
    for (const f of files)
      expect(designContentProblem(await readFile(path.join(EXAMPLES, f), 'utf8'))).toBeNull()
  })

  it('accepts a design written as JSON', () => {
    const json = JSON.stringify({
      apiVersion: 'stackwright.dev/v1',
      kind: 'Design',
      metadata: { name: 'x' },
    })
    expect(designContentProblem(json)).toBeNull()
  })

  it('accepts a design whose workload names clash: the app opens it into the editor', () => {
    const clash = [
      'apiVersion: stackwright.dev/v2',
      'kind: Design',
      'metadata: {name: x}',
      'workloads:',
      '  - {name: web, image: "ghcr.io/a/web:1.0.0"}',
      '  - {name: web, image: "ghcr.io/a/api:1.0.0"}',
      '',
    ].join('\n')
    expect(designContentProblem(clash)).toBeNull()
  })

  it.each([
    ['empty text', '', /empty/],
    ['broken YAML', 'a: [1, 2', /line 1: invalid YAML.*not written/],
    [
      'duplicate keys',
      'apiVersion: a\napiVersion: b\n',
      /line 2: apiVersion: duplicate key.*not written/,
    ],
    [
      'an unknown field',
      'apiVersion: stackwright.dev/v1\nkind: Design\nmetadata: {name: x}\nextra: 1\n',
      /line 4: extra: unknown field.*not written/,
    ],
    [
      'a wrong kind',
      'apiVersion: stackwright.dev/v1\nkind: Cluster\nmetadata: {name: x}\n',
      /kind: must be "Design".*not written/,
    ],
    ['a serialised "undefined"', 'undefined', /must be a mapping.*not written/],
  ])('refuses %s', (_name, content, message) => {
    expect(designContentProblem(content)).toMatch(message)
  })
})
