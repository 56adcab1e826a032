import { describe, expect, it } from 'vitest'
import { formatDesignError } from '../../../../shared/model/errors'
import { parseDesign } from '../../../../shared/model/parse'
import { designErrors, designText, validDesign } from './fixtures'

describe('parseDesign: valid files', () => {
  it('fills every default into a minimal file', () => {
    const design = validDesign('valid-minimal.yaml')
    expect(design.metadata).toEqual({ name: 'minimal', title: '', owner: '' })
    expect(design.context).toEqual({
      cloud: 'on-prem',
      nodes: 3,
      team: { kubernetesExperience: 'some', opsCapacity: 'medium' },
      requirements: {
        windowsWorkloads: false,
        untrustedWorkloads: false,
        multiTenant: false,
        compliance: [],
        airGapped: false,
      },
      priorities: { security: 4, simplicity: 3, portability: 2, visibility: 3, cost: 2 },
    })
    expect(design.choices).toEqual({
      orchestrator: 'kubernetes',
      runtime: 'containerd',
      os: 'ubuntu',
      plugins: [],
    })
    expect(design.isolation).toEqual({
      podSecurity: 'restricted',
      namespaces: 'per-team',
      network: 'default-deny',
    })
    expect(design.workloads).toEqual([])
    expect(design.decisions).toEqual({})
    expect(design.risks).toEqual({})
  })

  it('reads the documented example, filling workload defaults', () => {
    const design = validDesign('valid-full.yaml')
    expect(design.workloads.map((w) => w.name)).toEqual(['web', 'api', 'db', 'metrics-agent'])
    const agent = design.workloads[3]
    expect(agent?.role).toBe('monitoring')
    expect(agent?.observes).toEqual(['web', 'api'])
    expect(agent?.resources).toEqual({ cpu: '100m', memory: '128Mi' })
    expect(agent?.needs).toEqual({
      writablePaths: [],
      capabilities: [],
      hostAccess: false,
      apiAccess: false,
    })
    expect(design.risks).toEqual({
      'RISK-FLAT-NETWORK': { treatment: 'mitigated', note: 'Cilium enforces default-deny.' },
    })
  })

  it('accepts JSON and reports JSON errors with lines', () => {
    const design = validDesign('valid-minimal.json')
    expect(design.metadata.name).toBe('from-json')
    const broken =
      '{\n  "apiVersion": "stackwright.dev/v1",\n  "kind": "Design"\n  "metadata": {}\n}\n'
    const result = parseDesign(broken, { fileName: 'design.json' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]).toMatchObject({ line: 4, column: 3 })
    expect(result.errors[0]?.message).toMatch(/^invalid JSON: /)
  })

  it('drops a leading byte-order mark without shifting columns', () => {
    const text = '\uFEFF' + designText('unknown-field-root.yaml')
    const result = parseDesign(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 5, column: 1 })
  })

  it('accepts an explicit %YAML 1.2 directive', () => {
    expect(parseDesign('%YAML 1.2\n---\n' + designText('valid-minimal.yaml')).ok).toBe(true)
  })

  it('reads anchors and aliases that stay small', () => {
    const text = `${designText('valid-minimal.yaml')}workloads:
  - name: web
    image: nginx:1.27
    needs: &tmp { writablePaths: [/tmp] }
  - name: api
    image: nginx:1.27
    needs: *tmp
`
    const result = parseDesign(text)
    expect(result.ok && result.design.workloads[1]?.needs.writablePaths).toEqual(['/tmp'])
  })
})

describe('parseDesign: schema errors name the field and point at it', () => {
  it('an unknown top-level field, with did-you-mean', () => {
    expect(designErrors('unknown-field-root.yaml')).toEqual([
      {
        path: 'workload',
        line: 5,
        column: 1,
        message: 'unknown field "workload"',
        hint: 'did you mean "workloads"?',
      },
    ])
  })

  it('unknown nested fields: a near miss gets a suggestion, anything else the allowed list', () => {
    const errors = designErrors('unknown-field-nested.yaml')
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'context.team.opsCapacty',
        line: 8,
        column: 5,
        hint: 'did you mean "opsCapacity"?',
      }),
      expect.objectContaining({ path: 'context.region', line: 9, column: 3 }),
    ])
    expect(errors[1]?.hint).toBe('allowed fields: cloud, nodes, team, requirements, priorities')
  })

  it('an unknown field in a workload, and the required field it replaced', () => {
    expect(designErrors('unknown-field-workload.yaml')).toEqual([
      // A missing field points at the mapping that should hold it.
      expect.objectContaining({
        path: 'workloads[1].image',
        line: 8,
        column: 5,
        message: 'missing required field "image"',
      }),
      expect.objectContaining({
        path: 'workloads[1].imgae',
        line: 9,
        column: 5,
        hint: 'did you mean "image"?',
      }),
    ])
  })

  it('wrong types say what was expected and what the file holds', () => {
    expect(designErrors('wrong-type.yaml')).toEqual([
      expect.objectContaining({
        path: 'context.nodes',
        line: 6,
        column: 10,
        message: 'expected a number, got the text "twelve"',
      }),
      expect.objectContaining({
        path: 'context.requirements.airGapped',
        line: 8,
        column: 16,
        message: 'expected true or false, got the text "yes"',
      }),
      expect.objectContaining({
        path: 'workloads[0].ports',
        line: 12,
        column: 12,
        message: 'expected a list, got the number 8080',
      }),
    ])
  })

  it('an empty value is not an absent field: it points at the key', () => {
    const result = parseDesign('apiVersion: stackwright.dev/v1\nkind: Design\nmetadata:\n')
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: 'metadata',
        line: 3,
        column: 1,
        message: 'expected a mapping, got an empty value',
        hint: 'give it a value, or delete the line if the field is optional',
      },
    ])
  })

  it('bad enum values list the allowed values and suggest the closest', () => {
    const errors = designErrors('bad-enum.yaml')
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'context.cloud',
        line: 6,
        column: 10,
        hint: 'did you mean "gcp"?',
      }),
      expect.objectContaining({
        path: 'choices.runtime',
        line: 9,
        column: 12,
        hint: 'did you mean "docker"?',
      }),
    ])
    expect(errors[0]?.message).toBe('must be one of: aws, gcp, azure, on-prem, hybrid (got "gpc")')
  })

  it('names that are not DNS labels: a path escape and upper case', () => {
    const errors = designErrors('bad-names.yaml')
    expect(errors).toEqual([
      expect.objectContaining({ path: 'metadata.name', line: 4, column: 9 }),
      expect.objectContaining({ path: 'workloads[0].name', line: 6, column: 11 }),
    ])
    expect(errors[0]?.message).toMatch(/DNS-1123 label.*\(got "\.\.\/\.\.\/x"\)$/)
    expect(errors[1]?.message).toMatch(/\(got "Web"\)$/)
  })

  it('a bad image reference', () => {
    const [error, ...rest] = designErrors('bad-image.yaml')
    expect(rest).toEqual([])
    expect(error).toMatchObject({ path: 'workloads[0].image', line: 7, column: 12 })
    expect(error?.message).toMatch(/image reference.*\(got "Nginx Latest"\)$/)
  })

  it('a repeated list value points at the second copy', () => {
    const text = `${designText('valid-minimal.yaml')}workloads:\n  - name: web\n    image: nginx:1.27\n    ports: [80, 443, 80]\n`
    const result = parseDesign(text)
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ path: 'workloads[0].ports[2]', line: 9, column: 22 }),
    ])
  })

  it('an invalid record key points at the key', () => {
    const text = `${designText('valid-minimal.yaml')}risks:\n  flat network:\n    treatment: accepted\n`
    const result = parseDesign(text)
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ path: 'risks["flat network"]', line: 7, column: 3 }),
    ])
  })

  it('reports errors in reading order and caps how many', () => {
    const workloads = Array.from({ length: 80 }, (_, i) => `  - name: W${i}\n    image: x:1\n`)
    const result = parseDesign(
      `${designText('valid-minimal.yaml')}workloads:\n${workloads.join('')}`,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(51)
    const lines = result.errors.slice(0, 50).map((e) => e.line ?? 0)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
    expect(result.errors[50]).toEqual({ path: '', message: '30 more errors not shown' })
  })
})

describe('formatDesignError', () => {
  it('writes file:line:column: path: message (hint)', () => {
    const [error] = designErrors('unknown-field-root.yaml')
    expect(error && formatDesignError(error, 'design.yaml')).toBe(
      'design.yaml:5:1: workload: unknown field "workload" (did you mean "workloads"?)',
    )
  })

  it('leaves out the parts it does not have', () => {
    expect(formatDesignError({ path: '', message: 'the file is empty' })).toBe('the file is empty')
    expect(formatDesignError({ path: 'kind', message: 'bad', line: 2 }, 'a.yaml')).toBe(
      'a.yaml:2: kind: bad',
    )
  })
})
