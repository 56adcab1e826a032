import { describe, expect, it } from 'vitest'
import { kustomizationErrors } from '../../../../support/k8s-crd-checks'
import { at, kindOf, nameOf, type Obj } from '../../../../support/k8s-manifests'
import { validateObject } from '../../../../support/k8s-schema'
import { allDesigns } from './examples'
import { testDesign } from './designs'
import { find, generate, objectsOf } from './helpers'

describe('every generated object is valid', () => {
  for (const [label, design] of allDesigns()) {
    it(`${label}: OpenAPI schema, no unknown fields, API name rules, CRD structure`, () => {
      const objects = objectsOf(generate(design))
      const errors = objects
        .filter((o) => kindOf(o) !== 'Kustomization')
        .flatMap((o) =>
          validateObject(o, objects).errors.map((e) => `${kindOf(o)}/${nameOf(o)}: ${e}`),
        )
      expect(errors).toEqual([])
    })
  }
})

describe('the validator rejects invalid objects', () => {
  const objects = objectsOf(generate(testDesign('windows-mixed')))
  const linux = find(objects, 'Deployment', 'orders')
  const windows = find(objects, 'Deployment', 'legacy-iis')
  const mutate = (o: Obj, change: (copy: Obj) => void): Obj => {
    const copy = structuredClone(o)
    change(copy)
    return copy
  }
  const errorsOf = (o: Obj): string => validateObject(o, objects).errors.join('\n')
  const spec = (o: Obj): Record<string, unknown> =>
    at(o, 'spec', 'template', 'spec') as Record<string, unknown>
  const firstContainer = (o: Obj): Record<string, unknown> =>
    (spec(o).containers as Record<string, unknown>[])[0] ?? {}

  it('accepts the unchanged objects', () => {
    expect(errorsOf(linux)).toBe('')
    expect(errorsOf(windows)).toBe('')
  })

  it.each([
    [
      'an unknown top-level field',
      (o: Obj) => Object.assign(o, { extra: 1 }),
      /extra: unknown field/,
    ],
    [
      'an unknown nested field',
      (o: Obj) => Object.assign(firstContainer(o), { securityContext: { runAsNonRot: true } }),
      /runAsNonRot: unknown field/,
    ],
    [
      'an invalid enum value',
      (o: Obj) => Object.assign(firstContainer(o), { imagePullPolicy: 'Sometimes' }),
      /allowed values/,
    ],
    [
      'a missing required field',
      (o: Obj) => delete (o.spec as Record<string, unknown>).selector,
      /required property/,
    ],
    [
      'a wrong type',
      (o: Obj) => Object.assign(o.spec as object, { replicas: 'three' }),
      /must be integer/,
    ],
    [
      'a selector that misses the template',
      (o: Obj) => Object.assign(o.spec as object, { selector: { matchLabels: { a: 'b' } } }),
      /does not match/,
    ],
    [
      'a mount of a missing volume',
      (o: Obj) =>
        Object.assign(firstContainer(o), { volumeMounts: [{ name: 'nope', mountPath: '/x' }] }),
      /unknown volume/,
    ],
    [
      'an invalid label value',
      (o: Obj) => Object.assign(o.metadata as object, { labels: { a: '-bad-' } }),
      /invalid label value/,
    ],
    [
      'a probe on an unknown port name',
      (o: Obj) =>
        Object.assign(firstContainer(o), { readinessProbe: { tcpSocket: { port: 'nope' } } }),
      /unknown named port/,
    ],
  ])('rejects %s', (_what, change, pattern) => {
    expect(errorsOf(mutate(linux, change))).toMatch(pattern)
  })

  it('rejects Linux-only fields on a Windows pod and Windows-only fields on a Linux pod', () => {
    const badWindows = mutate(windows, (o) =>
      Object.assign(spec(o).securityContext as object, {
        seccompProfile: { type: 'RuntimeDefault' },
      }),
    )
    expect(errorsOf(badWindows)).toMatch(
      /seccompProfile: the API rejects this field when spec.os.name is windows/,
    )
    const badLinux = mutate(linux, (o) =>
      Object.assign(spec(o).securityContext as object, {
        windowsOptions: { runAsUserName: 'ContainerUser' },
      }),
    )
    expect(errorsOf(badLinux)).toMatch(
      /windowsOptions: the API rejects this field when spec.os.name is linux/,
    )
  })

  it('rejects a Service whose name is not a DNS-1035 label', () => {
    const svc = mutate(find(objects, 'Service', 'orders'), (o) =>
      Object.assign(o.metadata as object, { name: '1orders' }),
    )
    expect(errorsOf(svc)).toMatch(/DNS-1035/)
  })

  it('rejects malformed Kyverno and Gatekeeper objects', () => {
    const saas = objectsOf(generate(testDesign('sandboxed-saas')))
    const policy = find(
      objectsOf(generate(testDesign('payments-platform'))),
      'ClusterPolicy',
      'payments-platform-run-as-non-root',
    )
    expect(
      validateObject(
        mutate(policy, (o) =>
          Object.assign(o.spec as object, { validationFailureAction: 'Block' }),
        ),
        [],
      ).errors.join(),
    ).toMatch(/Enforce or Audit/)
    expect(
      validateObject(
        mutate(policy, (o) => Object.assign(o.spec as object, { rulez: [] })),
        [],
      ).errors.join(),
    ).toMatch(/rulez: unknown field/)
    const constraint = saas.find((o) => o.kind === 'K8sStackwrightRunAsNonRoot') as Obj
    expect(validateObject(constraint, saas).errors).toEqual([])
    expect(validateObject(constraint, []).errors.join()).toMatch(/no ConstraintTemplate/)
    const template = find(saas, 'ConstraintTemplate', 'k8sstackwrightrunasnonroot')
    const broken = mutate(template, (o) => {
      const target = (at(o, 'spec', 'targets') as Record<string, unknown>[])[0] as Record<
        string,
        unknown
      >
      target.rego = String(target.rego).replace(
        'package k8sstackwrightrunasnonroot',
        'package other',
      )
    })
    expect(validateObject(broken, saas).errors.join()).toMatch(/package/)
  })

  it('rejects a kustomization that misses or invents files', () => {
    const k = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['a.yaml', 'ghost.yaml'],
    }
    expect(
      kustomizationErrors(k, ['kubernetes/a.yaml', 'kubernetes/b.yaml'], 'kubernetes'),
    ).toEqual(['resources misses b.yaml', 'resources lists ghost.yaml, which is not generated'])
  })
})
