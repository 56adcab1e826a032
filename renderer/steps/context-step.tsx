// Step 1: where the platform runs, who runs it, what it must satisfy and what matters most.
import type { Design } from '../../shared/model/schema'
import { CLOUDS, COMPLIANCE_FRAMEWORKS } from '../../shared/model/schema'
import { useApp } from '../app/app-store'
import { Checkbox, Segmented, TextField } from '../components/fields'
import {
  withCompliance,
  withContext,
  withMetadata,
  withPriorities,
  withRequirements,
  withTeam,
} from '../store/field-edits'

const CLOUD_LABELS: Record<(typeof CLOUDS)[number], string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
  'on-prem': 'On-premises',
  hybrid: 'Hybrid',
}

const COMPLIANCE_LABELS: Record<(typeof COMPLIANCE_FRAMEWORKS)[number], string> = {
  'pci-dss': 'PCI DSS',
  hipaa: 'HIPAA',
  soc2: 'SOC 2',
  fedramp: 'FedRAMP',
  none: 'None',
}

type PriorityKey = keyof Design['context']['priorities']
const PRIORITIES: readonly { key: PriorityKey; label: string; weighs: string }[] = [
  { key: 'security', label: 'Security', weighs: 'isolation, least privilege, attack surface' },
  { key: 'simplicity', label: 'Simplicity', weighs: 'operability' },
  { key: 'portability', label: 'Portability', weighs: 'portability' },
  { key: 'visibility', label: 'Visibility', weighs: 'visibility' },
  { key: 'cost', label: 'Cost', weighs: 'cost' },
]

/** The Context step. */
export function ContextStep() {
  const design = useApp((s) => s.design)
  const issues = useApp((s) => s.issues)
  const edit = useApp((s) => s.edit)
  const markChosen = useApp((s) => s.markChosen)
  const cloudOpen = useApp((s) => s.unchosen.includes('cloud'))
  const { metadata, context } = design
  const req = context.requirements

  return (
    <div className="form-sections">
      <section className="card form-card" aria-labelledby="ctx-design">
        <h2 id="ctx-design">Design</h2>
        <div className="grid-3">
          <TextField
            label="Name"
            value={metadata.name}
            error={issues['metadata.name']}
            help="Lower-case letters, digits and “-”; used for namespaces and file names."
            onChange={(name) =>
              edit((d) => withMetadata(d, { name }), { coalesce: 'metadata.name' })
            }
            testId="design-name-input"
          />
          <TextField
            label="Title"
            value={metadata.title}
            error={issues['metadata.title']}
            onChange={(title) =>
              edit((d) => withMetadata(d, { title }), { coalesce: 'metadata.title' })
            }
          />
          <TextField
            label="Owner"
            value={metadata.owner}
            error={issues['metadata.owner']}
            onChange={(owner) =>
              edit((d) => withMetadata(d, { owner }), { coalesce: 'metadata.owner' })
            }
          />
        </div>
      </section>

      <section className="card form-card" aria-labelledby="ctx-where">
        <h2 id="ctx-where">Where and who</h2>
        <Segmented
          label="Cloud"
          value={cloudOpen ? null : context.cloud}
          options={CLOUDS.map((c) => ({ value: c, label: CLOUD_LABELS[c] }))}
          onChange={(cloud) => {
            edit((d) => withContext(d, { cloud }))
            markChosen('cloud')
          }}
          help="Node counts and operating systems are set per node pool, on the Nodes step."
          testId="cloud"
        />
        <div className="row-fields">
          <Segmented
            label="Team Kubernetes experience"
            value={context.team.kubernetesExperience}
            options={[
              { value: 'none', label: 'None' },
              { value: 'some', label: 'Some' },
              { value: 'expert', label: 'Expert' },
            ]}
            onChange={(kubernetesExperience) => edit((d) => withTeam(d, { kubernetesExperience }))}
          />
          <Segmented
            label="Operations capacity"
            value={context.team.opsCapacity}
            options={[
              { value: 'low', label: 'Low' },
              { value: 'medium', label: 'Medium' },
              { value: 'high', label: 'High' },
            ]}
            onChange={(opsCapacity) => edit((d) => withTeam(d, { opsCapacity }))}
          />
        </div>
      </section>

      <section className="card form-card" aria-labelledby="ctx-req">
        <h2 id="ctx-req">Requirements</h2>
        <div className="grid-2">
          <Checkbox
            label="Windows workloads"
            help="Some workloads need Windows containers."
            checked={req.windowsWorkloads}
            onChange={(windowsWorkloads) => edit((d) => withRequirements(d, { windowsWorkloads }))}
          />
          <Checkbox
            label="Untrusted workloads"
            help="Runs third-party or customer code: calls for a sandboxed runtime."
            checked={req.untrustedWorkloads}
            onChange={(untrustedWorkloads) =>
              edit((d) => withRequirements(d, { untrustedWorkloads }))
            }
          />
          <Checkbox
            label="Multi-tenant"
            help="Several teams or customers share the cluster."
            checked={req.multiTenant}
            onChange={(multiTenant) => edit((d) => withRequirements(d, { multiTenant }))}
          />
          <Checkbox
            label="Air-gapped"
            help="No internet access from the cluster."
            checked={req.airGapped}
            onChange={(airGapped) => edit((d) => withRequirements(d, { airGapped }))}
          />
        </div>
        <fieldset className="field">
          <legend>Compliance</legend>
          <div className="chip-checks">
            {COMPLIANCE_FRAMEWORKS.map((f) => (
              <label
                key={f}
                className={req.compliance.includes(f) ? 'chip-check on' : 'chip-check'}
              >
                <input
                  type="checkbox"
                  checked={req.compliance.includes(f)}
                  onChange={(e) => edit((d) => withCompliance(d, f, e.target.checked))}
                />
                <span>{COMPLIANCE_LABELS[f]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section className="card form-card" aria-labelledby="ctx-prio">
        <h2 id="ctx-prio">Priorities</h2>
        <p className="muted">0 ignores a criterion; 5 weighs it most. The overall score follows.</p>
        <div className="priorities">
          {PRIORITIES.map((p) => (
            <div className="priority" key={p.key}>
              <label htmlFor={`prio-${p.key}`} className="priority-label">
                {p.label}
                <span className="field-help">weighs {p.weighs}</span>
              </label>
              <input
                id={`prio-${p.key}`}
                type="range"
                min={0}
                max={5}
                step={1}
                value={context.priorities[p.key]}
                aria-valuetext={`${context.priorities[p.key]} of 5`}
                onChange={(e) =>
                  edit((d) => withPriorities(d, { [p.key]: Number(e.target.value) }), {
                    coalesce: `priorities.${p.key}`,
                  })
                }
                data-testid={`priority-${p.key}`}
              />
              <output htmlFor={`prio-${p.key}`} className="priority-value">
                {context.priorities[p.key]}
              </output>
            </div>
          ))}
        </div>
      </section>
    </div>
  )
}
