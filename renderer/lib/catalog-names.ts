// Display names of catalog ids, for labels built from stacks and change lines.
import { catalog } from '../../shared/catalog/index'

const names = new Map<string, string>([
  ...catalog.orchestrators.map((o) => [`orchestrator:${o.id}`, o.name] as const),
  ...catalog.runtimes.map((r) => [`runtime:${r.id}`, r.name] as const),
  ...catalog.operatingSystems.map((o) => [`os:${o.id}`, o.name] as const),
])

/** The catalog name of an orchestrator, runtime or OS id (the id itself when unknown). */
export function catalogName(kind: 'orchestrator' | 'runtime' | 'os', id: string): string {
  return names.get(`${kind}:${id}`) ?? id
}
