// Test helpers: the example designs and small designs built from a readable base.
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import type { Design, DesignInput } from '../../shared/model/schema'
import { designSchemaV1 } from '../../shared/model/schema'

export const EXAMPLES_DIR = fileURLToPath(new URL('../../assets/examples/', import.meta.url))

/** File names of every example design. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.stackwright.yaml'))
    .sort()
}

/** An example design, parsed with the schema. */
export function loadExample(file: string): Design {
  return designSchemaV1.parse(YAML.parse(readFileSync(EXAMPLES_DIR + file, 'utf8')))
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

/** BASE_DESIGN with a deep patch applied (arrays replace), validated by the schema. */
export function makeDesign(patch: Patch = {}): Design {
  return designSchemaV1.parse(merge(BASE_DESIGN, patch))
}
