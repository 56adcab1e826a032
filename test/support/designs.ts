// Test helpers: the example designs and small designs built from a readable base.
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { designSchema, type Design } from '../../shared/model/schema'
import type { DesignInputV1 as DesignInput } from '../../shared/model/schema-v1'
import { parseDesign } from '../../shared/model/parse'
import { designFromV1 } from '../../shared/model/migrate-v1'

export const EXAMPLES_DIR = fileURLToPath(new URL('../../assets/examples/', import.meta.url))

/** File names of every example design. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.stackwright.yaml'))
    .sort()
}

/** An example design, parsed with the schema. */
export function loadExample(file: string): Design {
  const result = parseDesign(readFileSync(EXAMPLES_DIR + file, 'utf8'), { fileName: file })
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`)
  return result.design
}

type Patch = { [key: string]: unknown }

function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(patch) || typeof patch !== 'object' || patch === null) return patch
  const out: Patch = { ...(base as Patch) }
  for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v)
  return out
}

/** A small valid Kubernetes design: two linked workloads, restricted, default-deny, Cilium. */
export const BASE_DESIGN: DesignInput = {
  apiVersion: 'stackwright.dev/v1',
  kind: 'Design',
  metadata: { name: 'test-design' },
  context: { cloud: 'on-prem' },
  choices: { orchestrator: 'kubernetes', runtime: 'containerd', os: 'ubuntu', plugins: ['cilium'] },
  isolation: { podSecurity: 'restricted', namespaces: 'per-team', network: 'default-deny' },
  workloads: [
    {
      name: 'web',
      image: 'ghcr.io/acme/web:1.0.0',
      ports: [8080],
      talksTo: ['api'],
      exposure: 'public',
    },
    { name: 'api', image: 'ghcr.io/acme/api:1.0.0', ports: [9090] },
  ],
}

/** BASE_DESIGN (written in v1 terms) with a deep patch applied (arrays replace), migrated to v2. */
export function makeDesign(patch: Patch = {}): Design {
  return designFromV1(merge(BASE_DESIGN, patch))
}

/** BASE_DESIGN migrated to v2 with a deep v2 patch applied (arrays replace), parsed with the v2 schema. */
export function makeV2Design(patch: Patch = {}): Design {
  return designSchema.parse(merge(makeDesign(), patch))
}
