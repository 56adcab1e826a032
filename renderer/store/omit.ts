// Object copies without one key, for edits that remove an optional field.

/** A shallow copy of `object` without `key`. */
export function omit<T extends object, K extends keyof T>(object: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key)) as Omit<T, K>
}
