// Endpoints: traffic to and from outside the platform (the internet, external services, cloud
// APIs, the orchestrator's API), each with the fields its kind takes and who uses it.
import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'
import type { Endpoint } from '../../../shared/model/schema'
import { ENDPOINT_KINDS, INGRESS_KINDS } from '../../../shared/model/schema'
import { useApp, useAppShallow } from '../../app/app-store'
import { ParsedField, Segmented, Select, TextField } from '../../components/fields'
import type { EndpointKind } from '../../store/endpoint-edits'
import { joinList, parsePorts } from './parsers'

export const KIND_LABEL: Readonly<Record<EndpointKind, string>> = {
  internet: 'Internet',
  external: 'External service',
  'cloud-api': 'Cloud API',
  'orchestrator-api': 'Orchestrator API',
}

const KIND_HELP: Readonly<Record<EndpointKind, string>> = {
  internet: 'Public traffic in (through the ingress) and egress to anywhere.',
  external: 'A service outside the platform, by DNS name or address block.',
  'cloud-api': 'Your cloud provider’s APIs (object storage, secrets, queues).',
  'orchestrator-api': 'The cluster’s own API server, for operators and agents.',
}

const INGRESS_LABEL: Readonly<Record<Endpoint['ingress'], string>> = {
  none: 'None',
  'load-balancer': 'Load balancer',
  'ingress-controller': 'Ingress controller',
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

function parseNames(text: string): Parsed<string[]> {
  const names = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (new Set(names).size !== names.length) return { ok: false, error: 'A value is listed twice.' }
  return { ok: true, value: names }
}

function EndpointRow({
  index,
  nameRef,
  onRemove,
}: {
  readonly index: number
  readonly nameRef: RefObject<HTMLInputElement | null> | undefined
  readonly onRemove: (index: number) => void
}) {
  const endpoint = useApp((s) => s.design.endpoints[index])
  const issues = useApp((s) => s.issues)
  const users = useAppShallow((s) =>
    s.design.workloads.filter((w) => w.talksTo.includes(endpoint?.name ?? '')).map((w) => w.name),
  )
  const exposed = useAppShallow((s) =>
    s.design.workloads.filter((w) => w.exposure === 'public').map((w) => w.name),
  )
  const updateEndpoint = useApp((s) => s.updateEndpoint)
  if (!endpoint) return null
  const at = `endpoints[${index}]`
  const issue = (field: string) =>
    issues[`${at}.${field}`] ??
    Object.entries(issues).find(([p]) => p.startsWith(`${at}.${field}[`))?.[1]
  const update = (patch: Partial<Endpoint>, field?: string) =>
    updateEndpoint(index, patch, field ? `${at}.${field}` : undefined)
  const addressed = endpoint.kind === 'external' || endpoint.kind === 'cloud-api'
  const headingId = `endpoint-${index}-heading`

  return (
    <li className="endpoint-row" data-testid={`endpoint-${index}`}>
      <div className="endpoint-head">
        <h3 id={headingId} className="subheading">
          <span className="mono">{endpoint.name || '(unnamed)'}</span>{' '}
          <span className="badge pool-role">{KIND_LABEL[endpoint.kind]}</span>
        </h3>
        <button type="button" className="button danger subtle" onClick={() => onRemove(index)}>
          Remove<span className="sr-only"> endpoint {endpoint.name}</span>
        </button>
      </div>
      <div className="grid-3">
        <TextField
          label="Name"
          value={endpoint.name}
          error={issue('name')}
          onChange={(name) => update({ name }, 'name')}
          testId={`endpoint-${index}-name`}
          inputRef={nameRef}
        />
        <Select
          label="Kind"
          value={endpoint.kind}
          options={ENDPOINT_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          onChange={(kind) => update({ kind })}
          help={KIND_HELP[endpoint.kind]}
          testId={`endpoint-${index}-kind`}
        />
        <ParsedField
          label="Ports"
          value={endpoint.ports}
          format={joinList}
          parse={parsePorts}
          error={issue('ports')}
          onCommit={(ports) => update({ ports }, 'ports')}
          testId={`endpoint-${index}-ports`}
        />
      </div>
      {endpoint.kind === 'internet' ? (
        <Segmented
          label="Ingress"
          value={endpoint.ingress}
          options={INGRESS_KINDS.map((k) => ({ value: k, label: INGRESS_LABEL[k] }))}
          onChange={(ingress) => update({ ingress })}
          help={
            endpoint.ingress === 'none'
              ? 'Egress only: no internet traffic comes in.'
              : exposed.length > 0
                ? `Brings traffic to the public workloads: ${exposed.join(', ')}.`
                : 'No workload is public yet.'
          }
          testId={`endpoint-${index}-ingress`}
        />
      ) : null}
      {addressed ? (
        <div className="grid-3">
          <ParsedField
            label="Hosts"
            value={endpoint.hosts}
            format={joinList}
            parse={parseNames}
            error={issue('hosts')}
            help="DNS names, e.g. api.stripe.com, *.amazonaws.com"
            onCommit={(hosts) => update({ hosts }, 'hosts')}
            testId={`endpoint-${index}-hosts`}
          />
          <ParsedField
            label="Address blocks"
            value={endpoint.cidrs}
            format={joinList}
            parse={parseNames}
            error={issue('cidrs')}
            help="CIDRs, e.g. 203.0.113.0/24"
            onCommit={(cidrs) => update({ cidrs }, 'cidrs')}
            testId={`endpoint-${index}-cidrs`}
          />
          {endpoint.kind === 'cloud-api' ? (
            <ParsedField
              label="Services"
              value={endpoint.services}
              format={joinList}
              parse={parseNames}
              error={issue('services')}
              help="e.g. s3, sts, secretsmanager"
              onCommit={(services) => update({ services }, 'services')}
            />
          ) : null}
        </div>
      ) : null}
      <p className="muted small">
        {users.length > 0 ? (
          <>
            Used by <span className="mono">{users.join(', ')}</span> (Talks to).
          </>
        ) : (
          'No workload talks to it yet: add it under a workload’s “Talks to”.'
        )}
      </p>
    </li>
  )
}

/** The Endpoints card of the Workloads step. */
export function EndpointsEditor() {
  const count = useApp((s) => s.design.endpoints.length)
  const { addEndpoint, removeEndpoint } = useAppShallow((s) => ({
    addEndpoint: s.addEndpoint,
    removeEndpoint: s.removeEndpoint,
  }))
  // Focus the new endpoint's name, or after a removal the first "add" button.
  const focus = useRef<'new' | 'add' | null>(null)
  const setFocus = (target: 'new' | 'add') => {
    focus.current = target
  }
  const newName = useRef<HTMLInputElement>(null)
  const addGroup = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focus.current === 'new') newName.current?.focus()
    if (focus.current === 'add') addGroup.current?.querySelector('button')?.focus()
    focus.current = null
  }, [count])

  return (
    <section className="card" aria-labelledby="endpoints-heading" data-testid="endpoints">
      <header className="list-header">
        <h2 id="endpoints-heading">
          Endpoints <span className="count">{count}</span>
        </h2>
      </header>
      <p className="muted small">
        Traffic to and from outside the platform. Public workloads need an internet endpoint with an
        ingress; workloads reach the others through “Talks to”.
      </p>
      {count > 0 ? (
        <ul className="endpoint-list">
          {Array.from({ length: count }, (_, i) => (
            <EndpointRow
              key={i}
              index={i}
              nameRef={i === count - 1 ? newName : undefined}
              onRemove={(index) => {
                removeEndpoint(index)
                setFocus('add')
              }}
            />
          ))}
        </ul>
      ) : null}
      <div className="pool-actions" ref={addGroup} role="group" aria-label="Add an endpoint">
        {ENDPOINT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            onClick={() => {
              addEndpoint(kind)
              setFocus('new')
            }}
            data-testid={`add-endpoint-${kind}`}
          >
            + {KIND_LABEL[kind]}
          </button>
        ))}
      </div>
    </section>
  )
}
