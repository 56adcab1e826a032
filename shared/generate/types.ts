// What every generator returns: files to write (by a shell) and the controls they put in place.

/** One generated file. `path` is relative, '/'-separated, never absolute and never containing '..'. */
export interface Artifact {
  readonly path: string
  readonly content: string
}

/** The checks a control satisfies, by catalogue. */
export interface ControlChecks {
  readonly pss?: readonly string[]
  readonly cis?: readonly string[]
  readonly nist?: readonly string[]
  readonly linters?: readonly string[]
}

/**
 * A security control a generator emitted (a securityContext field, a NetworkPolicy, a RuntimeClass),
 * traced to the rule or choice that caused it and to the checks it satisfies.
 */
export interface Control {
  /** Stable id, e.g. `K8S-READONLY-ROOTFS`. */
  readonly id: string
  readonly title: string
  /** Artifact paths (and optionally a field path after '#') where it is emitted. */
  readonly where: readonly string[]
  /** Engine rule id or design path that caused it, e.g. `LP-ROOTFS-WRITABLE` or `isolation.network`. */
  readonly causedBy: string
  readonly checks: ControlChecks
}

export interface GeneratorOutput {
  readonly artifacts: readonly Artifact[]
  readonly controls: readonly Control[]
}
