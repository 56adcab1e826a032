// Exhaustiveness guard for switches over unions: a new member becomes a type error here.
export function assertNever(x: never): never {
  throw new Error('Unexpected value: ' + String(x))
}
