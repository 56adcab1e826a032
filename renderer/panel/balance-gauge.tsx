// The isolation-balance gauge: too little on the left, too much on the right, balanced in between.
import type { IsolationBalance } from '../../shared/engine/types'

/** Words for a balance value. */
export function balanceLabel(value: number): string {
  if (value <= -40) return 'Far too little isolation'
  if (value < -10) return 'Too little isolation'
  if (value <= 10) return 'Balanced'
  if (value < 40) return 'Too much isolation'
  return 'Far too much isolation'
}

/** The gauge with the strongest reason on each side; the button opens all of them. */
export function BalanceGauge({
  balance,
  onInspect,
}: {
  readonly balance: IsolationBalance
  readonly onInspect: () => void
}) {
  const position = (balance.value + 100) / 2
  const label = balanceLabel(balance.value)
  const top = (xs: IsolationBalance['tooLittle']) => [...xs].sort((a, b) => b.weight - a.weight)[0]
  const little = top(balance.tooLittle)
  const much = top(balance.tooMuch)
  return (
    <button
      type="button"
      className="balance"
      onClick={onInspect}
      aria-label={`Isolation balance: ${label} (${balance.value}). ${balance.tooLittle.length} reasons for too little, ${balance.tooMuch.length} for too much. Show reasons.`}
      data-testid="balance-gauge"
    >
      <span className="balance-track" aria-hidden="true">
        <span className="balance-zone zone-little" />
        <span className="balance-zone zone-ok" />
        <span className="balance-zone zone-much" />
        <span className="balance-marker" style={{ left: `${position}%` }} />
      </span>
      <span className="balance-scale" aria-hidden="true">
        <span>Too little</span>
        <span>Balanced</span>
        <span>Too much</span>
      </span>
      <span className="balance-label">
        <strong>{label}</strong> <span className="muted">({balance.value})</span>
      </span>
      {little ? <span className="balance-reason reason-little">{little.reason}</span> : null}
      {much ? <span className="balance-reason reason-much">{much.reason}</span> : null}
    </button>
  )
}
