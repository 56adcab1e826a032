import { describe, expect, it } from 'vitest'
import { formatDesignError } from '../../../../shared/model/errors'
import { parseDesign } from '../../../../shared/model/parse'
import { designErrors, designText, validDesign } from './fixtures'

describe('parseDesign: valid files', () => {
  it('fills every default into a minimal file', () => {
    const design = validDesign('valid-minimal.yaml')
    expect(design.apiVersion).toBe('stackwright.dev/v2')
    expect(design.metadata).toEqual({ name: 'minimal', title: '', owner: '' })
    expect(design.context).toEqual({
      cloud: 'on-prem',
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
    expect(design.choices).toEqual({ orchestrator: 'kubernetes', plugins: [] })
    expect(design.nodePools).toEqual([])
    expect(design.isolation).toEqual({
      podSecurity: 'restricted',
      podSecurityByTeam: {},
      namespaces: 'per-team',
      network: 'default-deny',
      sandboxWorkloads: 'untrusted',
    })
    expect(design.endpoints).toEqual([])
    expect(design.workloads).toEqual([])
    expect(design.decisions).toEqual({})
    expect(design.risks).toEqual({})
  })

  it('reads the documented example, filling pool, endpoint and workload defaults', () => {
    const design = validDesign('valid-full.yaml')
    expect(design.nodePools).toEqual([
      {
        name: 'workers',
        role: 'workers',
        os: 'bottlerocket',
        runtime: 'containerd',
        sandboxes: [],
        size: 12,
        virtualization: 'none',
        labels: {},
        taints: [],
      },
      {
        name: 'sandboxed',
        role: 'workers',
        os: 'amazon-linux',
        runtime: 'containerd',
        sandboxes: ['kata'],
        size: 2,
        virtualization: 'bare-metal',
        labels: { 'stackwright.dev/sandbox': 'kata' },
        taints: [{ key: 'stackwright.dev/sandbox', value: 'kata', effect: 'NoSchedule' }],
      },
    ])
    expect(design.isolation.podSecurityByTeam).toEqual({ observability: 'baseline' })
    expect(design.endpoints).toEqual([
      {
        name: 'internet',
        kind: 'internet',
        ingress: 'load-balancer',
        hosts: [],
        cidrs: [],
        ports: [443],
        services: [],
      },
      {
        name: 'stripe',
        kind: 'external',
        ingress: 'none',
        hosts: ['api.stripe.com'],
        cidrs: [],
        ports: [443],
        services: [],
      },
      {
        name: 'aws-apis',
        kind: 'cloud-api',
        ingress: 'none',
        hosts: [],
        cidrs: [],
        ports: [443],
        services: ['s3', 'sts'],
      },
    ])
    expect(design.workloads.map((w) => w.name)).toEqual([
      'web',
      'api',
      'db',
      'renderer',
      'metrics-agent',
    ])
    const [web, api, , renderer, agent] = design.workloads
    expect(web?.pool).toBeUndefined()
    expect(web?.sandbox).toBeUndefined()
    expect(web?.identity).toEqual({ orchestratorApi: [] })
    expect(api?.talksTo).toEqual(['db', 'stripe', 'aws-apis'])
    expect(api?.identity.cloudRole).toBe('arn:aws:iam::123456789012:role/payments-api')
    expect(renderer).toMatchObject({ trust: 'untrusted', pool: 'sandboxed', sandbox: 'kata' })
    expect(agent?.role).toBe('monitoring')
    expect(agent?.observes).toEqual(['web', 'api'])
    expect(agent?.resources).toEqual({ cpu: '100m', memory: '128Mi' })
    expect(agent?.needs).toEqual({
      writablePaths: [],
      capabilities: [],
      hostPaths: [
        { path: '/proc', readOnly: true },
        { path: '/sys', readOnly: true },
      ],
      hostNetwork: false,
      hostPID: true,
      privileged: false,
      justification: 'node-exporter reads host metrics from /proc and /sys.',
    })
    expect(agent?.identity.orchestratorApi).toEqual([
      {
        apiGroups: [''],
        resources: ['pods', 'nodes'],
        verbs: ['get', 'list', 'watch'],
        scope: 'cluster',
      },
    ])
    expect(design.decisions).toEqual({
      orchestrator: 'Managed control plane; team already runs AWS.',
      nodes: 'Bottlerocket for the shared pool; a bare-metal Kata pool for the PDF renderer.',
      endpoints: 'Only the API reaches Stripe and AWS.',
    })
    expect(design.risks).toEqual({
      'RISK-FLAT-NETWORK': { treatment: 'mitigated', note: 'Cilium enforces default-deny.' },
    })
  })

  it('accepts JSON and reports JSON errors with lines', () => {
    const design = validDesign('valid-minimal.json')
    expect(design.metadata.name).toBe('from-json')
    const broken =
      '{\n  "apiVersion": "stackwright.dev/v2",\n  "kind": "Design"\n  "metadata": {}\n}\n'
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
    expect(errors[1]?.hint).toBe('allowed fields: cloud, team, requirements, priorities')
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
        path: 'nodePools[0].size',
        line: 9,
        column: 11,
        message: 'expected a number, got the text "twelve"',
      }),
      expect.objectContaining({
        path: 'context.requirements.airGapped',
        line: 12,
        column: 16,
        message: 'expected true or false, got the text "yes"',
      }),
      expect.objectContaining({
        path: 'workloads[0].ports',
        line: 16,
        column: 12,
        message: 'expected a list, got the number 8080',
      }),
    ])
  })

  it('an empty file says how a design file starts, in the current format', () => {
    const result = parseDesign('# nothing here\n')
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'the file is empty; a design file starts with "apiVersion: stackwright.dev/v2"',
    ])
  })

  it('an empty value is not an absent field: it points at the key', () => {
    const result = parseDesign('apiVersion: stackwright.dev/v2\nkind: Design\nmetadata:\n')
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
        path: 'nodePools[0].runtime',
        line: 10,
        column: 14,
        hint: 'did you mean "docker"?',
      }),
    ])
    expect(errors[0]?.message).toBe('must be one of: aws, gcp, azure, on-prem, hybrid (got "gpc")')
  })

  it('a bad node pool entry names the pool by index and the field', () => {
    const errors = designErrors('bad-pool.yaml')
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'nodePools[1].os',
        line: 11,
        column: 9,
        hint: 'did you mean "windows-server"?',
      }),
      expect.objectContaining({
        path: 'nodePools[1].taints[0].effect',
        line: 15,
        column: 17,
        hint: 'did you mean "NoSchedule"?',
      }),
    ])
    expect(errors[0]?.message).toMatch(/^must be one of: ubuntu, .*\(got "windows-servr"\)$/)
    expect(formatDesignError(errors[0] ?? { path: '', message: '' }, 'bad-pool.yaml')).toMatch(
      /^bad-pool\.yaml:11:9: nodePools\[1\]\.os: must be one of: /,
    )
  })

  it('a bad endpoint entry names the endpoint by index and the field', () => {
    const errors = designErrors('bad-endpoint.yaml')
    expect(errors).toEqual([
      expect.objectContaining({ path: 'endpoints[0].hosts[0]', line: 9, column: 13 }),
      expect.objectContaining({ path: 'endpoints[1].cidrs[0]', line: 12, column: 13 }),
      expect.objectContaining({ path: 'endpoints[2].kind', line: 14, column: 11 }),
    ])
    expect(errors[0]?.message).toMatch(/lower-case DNS name.*\(got "API\.Stripe\.com"\)$/)
    expect(errors[1]?.message).toMatch(/CIDR block.*\(got "203\.0\.113\.0\/33"\)$/)
    expect(errors[2]?.message).toBe(
      'must be one of: internet, external, cloud-api, orchestrator-api (got "cloud")',
    )
  })

  it('a v1 file keeps its errors at the v1 fields as written', () => {
    expect(designErrors('v1-bad-enum.yaml')).toEqual([
      expect.objectContaining({ path: 'context.cloud', line: 7, column: 10 }),
      expect.objectContaining({
        path: 'choices.runtime',
        line: 10,
        column: 12,
        hint: 'did you mean "docker"?',
      }),
    ])
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
