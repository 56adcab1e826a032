// Unicode block bars for scores and the isolation-balance gauge, readable without colour.

/** A 0..100 score as a bar of `width` cells: full blocks for the score, light shade for the rest. */
export function scoreBar(score: number, width = 10): string {
  const clamped = Math.min(100, Math.max(0, score))
  const full = Math.round((clamped / 100) * width)
  return '█'.repeat(full) + '░'.repeat(width - full)
}

/**
 * The isolation balance (-100 too little .. 0 balanced .. +100 too much) as a line with the centre
 * marked `┼` and the value marked `●`. `width` is forced odd so the centre is one cell.
 */
export function balanceGauge(value: number, width = 21): string {
  const cells = width % 2 === 1 ? width : width + 1
  const centre = (cells - 1) / 2
  const clamped = Math.min(100, Math.max(-100, value))
  const marker = Math.round(((clamped + 100) / 200) * (cells - 1))
  let line = ''
  for (let i = 0; i < cells; i++) line += i === marker ? '●' : i === centre ? '┼' : '─'
  return `├${line}┤`
}

/** A word for the balance value: where on the gauge the design sits. */
export function balanceLabel(value: number): string {
  if (value <= -50) return 'far too little isolation'
  if (value < 0) return 'leans to too little isolation'
  if (value === 0) return 'balanced'
  if (value < 50) return 'leans to too much isolation'
  return 'far too much isolation'
}
