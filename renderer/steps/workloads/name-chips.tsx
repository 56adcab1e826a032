// A list of names as removable chips plus a picker to add one: flows (talksTo, observes) and
// capabilities. A native select keeps it keyboard- and screen-reader-friendly at any size.
import { useId, useState } from 'react'

/** Chips for `values` with a select offering `options` not yet chosen. */
export function NameChips({
  label,
  values,
  options,
  onChange,
  error,
  help,
  testId,
  unknown,
  labelOf,
}: {
  readonly label: string
  readonly values: readonly string[]
  readonly options: readonly string[]
  readonly onChange: (values: string[]) => void
  readonly error?: string | undefined
  readonly help?: string
  readonly testId?: string
  /** Values that name nothing (a dangling flow), drawn as errors. */
  readonly unknown?: ReadonlySet<string>
  /** How an option reads in the picker and on its chip (the value itself by default). */
  readonly labelOf?: (value: string) => string
}) {
  const text = labelOf ?? ((v: string) => v)
  const id = useId()
  const available = options.filter((o) => !values.includes(o))
  const [pending, setPending] = useState('')
  const choice = available.includes(pending) ? pending : ''
  return (
    <div className="field" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {values.length > 0 ? (
        <ul className="chips" aria-label={`${label}: chosen`}>
          {values.map((v) => (
            <li key={v} className={unknown?.has(v) ? 'chip chip-error' : 'chip'}>
              <span>{text(v)}</span>
              <button
                type="button"
                className="chip-remove"
                onClick={() => onChange(values.filter((x) => x !== v))}
                aria-label={`Remove ${text(v)} from ${label}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="add-row">
        <select
          id={id}
          className="input"
          value={choice}
          onChange={(e) => setPending(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
            undefined
          }
          disabled={available.length === 0}
        >
          <option value="">{available.length === 0 ? 'Nothing more to add' : 'Choose…'}</option>
          {available.map((o) => (
            <option key={o} value={o}>
              {text(o)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={choice === ''}
          onClick={() => {
            onChange([...values, choice])
            setPending('')
          }}
        >
          Add<span className="sr-only"> to {label}</span>
        </button>
      </div>
      {help ? (
        <span className="field-help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  )
}
