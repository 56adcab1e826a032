// Design resource quantities (Kubernetes style: `250m`, `1.5`; `512Ki`, `256Mi`, `2Gi`) as plain numbers.

/** CPU quantity in millicores, rounded up: `250m` -> 250, `1.5` -> 1500, `0.0001` -> 1. */
export function cpuMillicores(quantity: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m?)$/.exec(quantity)
  if (!m?.[1]) throw new Error(`not a CPU quantity: ${quantity}`)
  const value = Number(m[1])
  return Math.max(1, Math.ceil(m[2] === 'm' ? value : value * 1000))
}

/** Memory quantity in MiB, rounded up: `128Mi` -> 128, `1Gi` -> 1024, `1500Ki` -> 2. */
export function memoryMiB(quantity: string): number {
  const m = /^([0-9]+)(Ki|Mi|Gi)$/.exec(quantity)
  if (!m?.[1]) throw new Error(`not a memory quantity: ${quantity}`)
  const value = Number(m[1])
  const mib = m[2] === 'Gi' ? value * 1024 : m[2] === 'Mi' ? value : value / 1024
  return Math.max(1, Math.ceil(mib))
}
