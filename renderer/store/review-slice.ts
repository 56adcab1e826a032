// The review slice: "what would raise my score", from the engine's exact recommend().
import { recommend } from '../../shared/engine/index'
import type { ReviewSlice, SliceContext } from './types'

/** How many alternative stacks Review lists. */
export const RECOMMENDATIONS = 5

/** The review slice with its initial state. */
export function createReviewSlice(ctx: SliceContext): ReviewSlice {
  return {
    recommendations: null,
    refreshRecommendations: () => {
      const { design, recommendations } = ctx.get()
      if (recommendations?.forDesign === design) return
      const stacks = recommend(design, ctx.deps.catalog, RECOMMENDATIONS)
      ctx.set({ recommendations: { forDesign: design, stacks } })
    },
  }
}
