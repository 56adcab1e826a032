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

/** A design that parses but cannot be built: Kata on ECS Fargate. */
export const VIOLATING_DESIGN = `apiVersion: stackwright.dev/v1
kind: Design
metadata:
  name: cannot-build
context:
  cloud: aws
choices:
  orchestrator: ecs-fargate
  runtime: kata
  os: amazon-linux
workloads:
  - name: web
    image: ghcr.io/acme/web:1.0.0
    ports: [8080]
`

/** A design with two schema errors: a bad name on line 4 and an unknown field on line 8. */
export const INVALID_DESIGN = `apiVersion: stackwright.dev/v1
kind: Design
metadata:
  name: Not_A_Label
choices:
  orchestrator: eks
  runtime: containerd
  plugin: [cilium]
`
