// Runs every linter-equivalent check (kube-score, kube-linter, Polaris, kubesec) over a generated tree.
import { kindOf, nameOf, namespaceOf, type ParsedObject } from './k8s-manifests'
import { podControllers, treeContext } from './hardening-common'
import { KUBE_LINTER_CONTROLLER_CHECKS, KUBE_LINTER_OBJECT_CHECKS } from './hardening-kube-linter'
import { KUBE_SCORE_CONTROLLER_CHECKS, KUBE_SCORE_OBJECT_CHECKS } from './hardening-kube-score'
import { KUBESEC_CONTROLLER_CHECKS } from './hardening-kubesec'
import { POLARIS_CONTROLLER_CHECKS } from './hardening-polaris'

export const CONTROLLER_CHECKS = [
  ...KUBE_SCORE_CONTROLLER_CHECKS,
  ...KUBE_LINTER_CONTROLLER_CHECKS,
  ...POLARIS_CONTROLLER_CHECKS,
  ...KUBESEC_CONTROLLER_CHECKS,
]
export const OBJECT_CHECKS = [...KUBE_SCORE_OBJECT_CHECKS, ...KUBE_LINTER_OBJECT_CHECKS]

/** Every check id, `<tool>/<check>`. */
export const ALL_CHECK_IDS: readonly string[] = [...CONTROLLER_CHECKS, ...OBJECT_CHECKS].map(
  (c) => c.id,
)

export interface CheckResult {
  readonly check: string
  readonly file: string
  /** `Kind/namespace/name`. */
  readonly object: string
  readonly status: 'pass' | 'fail' | 'skip'
  readonly messages: readonly string[]
}

/** Runs every check on every object it targets. */
export function runHardeningChecks(objects: readonly ParsedObject[]): CheckResult[] {
  const ctx = treeContext(objects)
  const results: CheckResult[] = []
  const record = (
    check: string,
    file: string,
    object: string,
    outcome: string[] | 'skip',
  ): void => {
    results.push(
      outcome === 'skip'
        ? { check, file, object, status: 'skip', messages: [] }
        : {
            check,
            file,
            object,
            status: outcome.length === 0 ? 'pass' : 'fail',
            messages: outcome,
          },
    )
  }
  for (const w of podControllers(objects))
    for (const check of CONTROLLER_CHECKS)
      record(check.id, w.file, `${w.kind}/${w.ns}/${w.name}`, check.run(w, ctx))
  for (const { file, obj } of objects)
    for (const check of OBJECT_CHECKS)
      if (check.kinds.includes('*') || check.kinds.includes(kindOf(obj)))
        record(
          check.id,
          file,
          `${kindOf(obj)}/${namespaceOf(obj)}/${nameOf(obj)}`,
          check.run(obj, ctx),
        )
  return results
}
