// Test helper: design files written into a temp folder, from the examples or from text.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXAMPLES_DIR } from '../../support/designs'

/** The text of an example design by file name. */
export function exampleText(file: string): string {
  return readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')
}

/** Writes `text` as `name` inside `dir` and returns the file name (relative to dir). */
export function writeDesign(dir: string, name: string, text: string): string {
  writeFileSync(path.join(dir, name), text)
  return name
}

/** A design that parses but cannot be built: ECS on Fargate runs only Amazon's runtime, not containerd. */
export const VIOLATING_DESIGN = `apiVersion: stackwright.dev/v2
kind: Design
metadata:
  name: cannot-build
context:
  cloud: aws
choices:
  orchestrator: ecs-fargate
nodePools:
  - name: workers
    os: amazon-linux
    runtime: containerd
workloads:
  - name: web
    image: ghcr.io/acme/web:1.0.0
    ports: [8080]
`

/** A design with two schema errors: a bad name on line 4 and an unknown field on line 7. */
export const INVALID_DESIGN = `apiVersion: stackwright.dev/v2
kind: Design
metadata:
  name: Not_A_Label
choices:
  orchestrator: eks
  plugin: [cilium]
`

/** A valid design in format v1, which the CLI reads through the v1 -> v2 migration. */
export const V1_DESIGN = `apiVersion: stackwright.dev/v1
kind: Design
metadata:
  name: still-v1
context:
  cloud: aws
  nodes: 6
choices:
  orchestrator: eks
  runtime: containerd
  os: bottlerocket
  plugins: [cilium]
workloads:
  - name: web
    image: ghcr.io/acme/web:1.0.0
    ports: [8080]
`

/** VIOLATING_DESIGN as v1 wrote it: the runtime was a top-level choice. */
export const VIOLATING_V1_DESIGN = `apiVersion: stackwright.dev/v1
kind: Design
metadata:
  name: cannot-build
context:
  cloud: aws
choices:
  orchestrator: ecs-fargate
  runtime: containerd
  os: amazon-linux
workloads:
  - name: web
    image: ghcr.io/acme/web:1.0.0
    ports: [8080]
`
