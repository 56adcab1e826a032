// Labelled form fields with inline validation messages tied to the input (aria-describedby).
import { useId, useState } from 'react'
import type { ReactNode, Ref } from 'react'

interface FieldShell {
  readonly label: string
  readonly error?: string | undefined
  readonly help?: ReactNode
  readonly testId?: string
}

function Messages({
  id,
  error,
  help,
}: {
  id: string
  error?: string | undefined
  help?: ReactNode
}) {
  return (
    <>
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
    </>
  )
}

const describedBy = (id: string, error?: string, help?: ReactNode) =>
  [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

/** A text input that commits every keystroke. */
export function TextField({
  label,
  value,
  onChange,
  error,
  help,
  placeholder,
  testId,
  multiline,
  mono,
  inputRef,
}: FieldShell & {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly placeholder?: string
  readonly multiline?: boolean
  readonly mono?: boolean
  /** The input element, for moving focus to it (single-line fields only). */
  readonly inputRef?: Ref<HTMLInputElement> | undefined
}) {
  const id = useId()
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, help),
    'data-testid': testId,
    className: mono ? 'input mono' : 'input',
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type="text"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <Messages id={id} error={error} help={help} />
    </div>
  )
}

/**
 * An input whose text is parsed before it reaches the design (numbers, lists): the text is kept
 * while it does not parse, with the reason shown, and committed when it does.
 */
export function ParsedField<T>({
  label,
  value,
  format,
  parse,
  onCommit,
  error,
  help,
  testId,
  inputMode,
}: FieldShell & {
  readonly value: T
  readonly format: (value: T) => string
  readonly parse: (text: string) => { ok: true; value: T } | { ok: false; error: string }
  readonly onCommit: (value: T) => void
  readonly inputMode?: 'numeric' | 'text'
}) {
  const id = useId()
  const [text, setText] = useState(format(value))
  const [localError, setLocalError] = useState<string | undefined>()
  // Follow the design when it changes from elsewhere (undo, another field), unless mid-error.
  const formatted = format(value)
  const [shownValue, setShownValue] = useState(formatted)
  if (shownValue !== formatted) {
    setShownValue(formatted)
    setText(formatted)
    setLocalError(undefined)
  }
  const shown = localError ?? error
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="text"
        inputMode={inputMode}
        spellCheck={false}
        value={text}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(id, shown, help)}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value)
          const result = parse(e.target.value)
          if (result.ok) {
            setLocalError(undefined)
            if (format(result.value) !== formatted) onCommit(result.value)
          } else setLocalError(result.error)
        }}
      />
      <Messages id={id} error={shown} help={help} />
    </div>
  )
}

/** Parses a whole number in a range. */
export function intParser(min: number, max: number) {
  return (text: string): { ok: true; value: number } | { ok: false; error: string } => {
    const t = text.trim()
    if (!/^[0-9]+$/.test(t))
      return { ok: false, error: `Enter a whole number from ${min} to ${max}.` }
    const n = Number(t)
    if (n < min || n > max)
      return { ok: false, error: `Enter a whole number from ${min} to ${max}.` }
    return { ok: true, value: n }
  }
}

/** A group of mutually exclusive options drawn as segmented buttons (native radios inside). */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  help,
  testId,
}: {
  readonly label: string
  readonly value: T | null
  readonly options: readonly { readonly value: T; readonly label: string; readonly hint?: string }[]
  readonly onChange: (value: T) => void
  readonly help?: ReactNode
  readonly testId?: string
}) {
  const name = useId()
  return (
    <fieldset className="field segmented-field" data-testid={testId}>
      <legend>{label}</legend>
      <div className="segmented">
        {options.map((o) => (
          <label
            key={o.value}
            className={o.value === value ? 'segment selected' : 'segment'}
            title={o.hint}
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {help ? <span className="field-help">{help}</span> : null}
    </fieldset>
  )
}

/** A checkbox with a label and an optional explanation. */
export function Checkbox({
  label,
  checked,
  onChange,
  help,
  testId,
}: {
  readonly label: string
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
  readonly help?: ReactNode
  readonly testId?: string
}) {
  const id = useId()
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={help ? `${id}-help` : undefined}
        data-testid={testId}
      />
      <label htmlFor={id}>
        <span className="check-label">{label}</span>
        {help ? (
          <span className="field-help" id={`${id}-help`}>
            {help}
          </span>
        ) : null}
      </label>
    </div>
  )
}

/** A native select with a label (visually hidden with `hideLabel`, e.g. in a table row). */
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  error,
  help,
  testId,
  hideLabel,
}: FieldShell & {
  readonly value: T
  readonly options: readonly { readonly value: T; readonly label: string }[]
  readonly onChange: (value: T) => void
  readonly hideLabel?: boolean
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        data-testid={testId}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={error} help={help} />
    </div>
  )
}
