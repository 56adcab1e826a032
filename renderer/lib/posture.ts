// The engine's posture (pools, placements, pod security) for a design, computed once per design
// object however many views ask for it.
import type { Catalog } from '../../shared/catalog/types'
import { postureOf } from '../../shared/engine/posture/index'
import type { Posture } from '../../shared/engine/posture/index'
import type { Design } from '../../shared/model/schema'

const cache = new WeakMap<Design, Posture>()

/** `postureOf(design, catalog)`, memoised per design object. */
export function postureFor(design: Design, catalog: Catalog): Posture {
  let posture = cache.get(design)
  if (!posture) {
    posture = postureOf(design, catalog)
    cache.set(design, posture)
  }
  return posture
}
