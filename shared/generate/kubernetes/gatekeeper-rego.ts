// Rego (v0 syntax, Gatekeeper's `rego` field) for each posture rule; helpers are inlined per template.
import { assertNever } from '../../util/assert-never'
import type { PostureRuleId } from './policy-posture'

const CONTAINERS = `input_containers[c] {
  c := input.review.object.spec.containers[_]
}

input_containers[c] {
  c := input.review.object.spec.initContainers[_]
}

input_containers[c] {
  c := input.review.object.spec.ephemeralContainers[_]
}`

const WINDOWS = `is_windows {
  input.review.object.spec.os.name == "windows"
}`

function body(id: PostureRuleId): string {
  switch (id) {
    case 'run-as-non-root':
      return `violation[{"msg": msg}] {
  c := input_containers[_]
  not runs_as_non_root(c)
  msg := sprintf("container <%v> must set runAsNonRoot: true (in its own or the pod's securityContext)", [c.name])
}

runs_as_non_root(c) {
  c.securityContext.runAsNonRoot == true
}

runs_as_non_root(c) {
  not container_sets_non_root(c)
  input.review.object.spec.securityContext.runAsNonRoot == true
}

container_sets_non_root(c) {
  _ = c.securityContext.runAsNonRoot
}`
    case 'read-only-root-filesystem':
      return `violation[{"msg": msg}] {
  not is_windows
  c := input_containers[_]
  not c.securityContext.readOnlyRootFilesystem == true
  msg := sprintf("container <%v> must set readOnlyRootFilesystem: true", [c.name])
}`
    case 'drop-all-capabilities':
      return `violation[{"msg": msg}] {
  not is_windows
  c := input_containers[_]
  not drops_all(c)
  msg := sprintf("container <%v> must drop ALL capabilities", [c.name])
}

violation[{"msg": msg}] {
  not is_windows
  c := input_containers[_]
  cap := c.securityContext.capabilities.add[_]
  not allowed(cap)
  msg := sprintf("container <%v> adds capability %v, allowed: %v", [c.name, cap, object.get(input.parameters, "allowedCapabilities", [])])
}

drops_all(c) {
  upper(c.securityContext.capabilities.drop[_]) == "ALL"
}

allowed(_) {
  input.parameters.allowAnyCapability == true
}

allowed(cap) {
  cap == input.parameters.allowedCapabilities[_]
}`
    case 'disallow-privilege-escalation':
      return `violation[{"msg": msg}] {
  not is_windows
  c := input_containers[_]
  not c.securityContext.allowPrivilegeEscalation == false
  msg := sprintf("container <%v> must set allowPrivilegeEscalation: false", [c.name])
}`
    case 'seccomp-runtime-default':
      return `violation[{"msg": msg}] {
  not is_windows
  c := input_containers[_]
  not seccomp_runtime_default(c)
  msg := sprintf("container <%v> must run with the RuntimeDefault seccomp profile", [c.name])
}

seccomp_runtime_default(c) {
  c.securityContext.seccompProfile.type == "RuntimeDefault"
}

seccomp_runtime_default(c) {
  not container_sets_seccomp(c)
  input.review.object.spec.securityContext.seccompProfile.type == "RuntimeDefault"
}

container_sets_seccomp(c) {
  _ = c.securityContext.seccompProfile.type
}`
    case 'disallow-latest-tag':
      return `violation[{"msg": msg}] {
  c := input_containers[_]
  not pinned(c.image)
  msg := sprintf("container <%v> image <%v> must be pinned to a tag other than latest, or to a digest", [c.name, c.image])
}

pinned(image) {
  contains(image, "@")
}

pinned(image) {
  not contains(image, "@")
  parts := split(image, "/")
  last := parts[count(parts) - 1]
  contains(last, ":")
  not endswith(last, ":latest")
}`
    case 'require-resources':
      return `violation[{"msg": msg}] {
  c := input_containers[_]
  field := required_resources[_]
  not c.resources[field[0]][field[1]]
  msg := sprintf("container <%v> must set resources.%v.%v", [c.name, field[0], field[1]])
}

required_resources = [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]`
    default:
      return assertNever(id)
  }
}

/** The complete Rego module for a template: package, violation rules and the helpers they use. */
export function regoFor(id: PostureRuleId, pkg: string, linuxOnly: boolean): string {
  return (
    [`package ${pkg}`, body(id), CONTAINERS, ...(linuxOnly ? [WINDOWS] : [])].join('\n\n') + '\n'
  )
}
