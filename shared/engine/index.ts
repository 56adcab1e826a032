// The decision engine's public surface.
export { evaluate } from './evaluate'
export { recommend, changesBetween } from './recommend'
export { ruleIndex } from './rules/index'
export { weightsOf } from './score'
export type * from './types'
