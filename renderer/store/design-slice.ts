// The design slice: the design, its evaluation and field issues, and every edit (all undoable).
import type { Design } from '../../shared/model/schema'
import { afterDesignChange, commitDesign, derivedFrom } from './effects'
import { withChoice, withPluginToggled, withStack, withoutPluginCategory } from './stack-edits'
import type { DesignSlice, DraftDimension, SliceContext } from './types'
import { getPlugin } from '../../shared/catalog/index'
import type { PluginId } from '../../shared/catalog/ids'
import { withEndpointAdded, withEndpointRemoved, withEndpointUpdated } from './endpoint-edits'
import { withPoolAdded, withPoolRemoved, withPoolUpdated, withSandboxToggled } from './pool-edits'
import {
  withRisk,
  withWorkloadAdded,
  withWorkloadRemoved,
  withWorkloadUpdated,
} from './workload-edits'

type DesignActions = Omit<DesignSlice, 'design' | 'evaluation' | 'issues' | 'unchosen'>

/** Every choice an empty design leaves open. */
export const ALL_DRAFT_DIMENSIONS: readonly DraftDimension[] = [
  'cloud',
  'orchestrator',
  'runtime',
  'os',
  'cni',
]

/** The design slice's initial state for a starting design. */
export function initialDesignState(ctx: SliceContext, design: Design) {
  const { design: d, evaluation, issues } = derivedFrom(ctx, design)
  if (!d || !evaluation || !issues) throw new Error('derivedFrom must return the design state')
  return { design: d, evaluation, issues, unchosen: [] as readonly DraftDimension[] }
}

/** Design edits; each derives the evaluation and is one undo step. */
export function createDesignActions(ctx: SliceContext): DesignActions {
  const { get, deps } = ctx
  const chosen = (...dimensions: DraftDimension[]) => {
    const { unchosen, design } = get()
    // A CNI that an edit brought in (default-deny needs one) is in the design: it is chosen.
    const hasCni = design.choices.plugins.some(
      (id) => getPlugin(deps.catalog, id).category === 'cni',
    )
    const next = unchosen.filter((d) => !dimensions.includes(d) && !(d === 'cni' && hasCni))
    if (next.length !== unchosen.length) ctx.set({ unchosen: next })
  }
  const apply = (recipe: (d: Design) => Design, coalesce?: string) => {
    commitDesign(ctx, recipe(get().design), coalesce)
    chosen()
  }
  const isCni = (id: PluginId) => getPlugin(deps.catalog, id).category === 'cni'

  const travel = (direction: 'undo' | 'redo') => {
    const history = ctx.history().getState()
    const available = direction === 'undo' ? history.pastStates : history.futureStates
    if (available.length === 0) return
    history[direction]()
    ctx.scratch.lastCoalesce = undefined
    const { design, selectedWorkload } = get()
    ctx.set({
      ...derivedFrom(ctx, design),
      selectedWorkload:
        selectedWorkload !== null && selectedWorkload >= design.workloads.length
          ? design.workloads.length > 0
            ? design.workloads.length - 1
            : null
          : selectedWorkload,
    })
    afterDesignChange(ctx)
  }

  return {
    edit: (recipe, options) => apply(recipe, options?.coalesce),
    markChosen: (dimension) => chosen(dimension),
    chooseOption: (dimension, id) => {
      apply((d) => withChoice(d, dimension, id, deps.catalog))
      chosen(dimension)
    },
    togglePlugin: (id) => {
      apply((d) => withPluginToggled(d, id, deps.catalog))
      if (isCni(id)) chosen('cni')
    },
    clearPluginCategory: (category) => {
      apply((d) => withoutPluginCategory(d, category, deps.catalog))
      if (category === 'cni') chosen('cni')
    },
    adoptStack: (stack) => {
      apply((d) => withStack(d, stack, deps.catalog))
      chosen('orchestrator', 'runtime', 'os', 'cni')
    },
    toggleSandbox: (id) => apply((d) => withSandboxToggled(d, id, deps.catalog)),
    addPool: (template) => apply((d) => withPoolAdded(d, template, deps.catalog)),
    updatePool: (index, patch, coalesce) =>
      apply((d) => withPoolUpdated(d, index, patch), coalesce),
    removePool: (index) => apply((d) => withPoolRemoved(d, index)),
    addEndpoint: (kind) => apply((d) => withEndpointAdded(d, kind)),
    updateEndpoint: (index, patch, coalesce) =>
      apply((d) => withEndpointUpdated(d, index, patch), coalesce),
    removeEndpoint: (index) => apply((d) => withEndpointRemoved(d, index)),
    addWorkload: () => {
      apply(withWorkloadAdded)
      ctx.set({ selectedWorkload: get().design.workloads.length - 1 })
    },
    updateWorkload: (index, patch, coalesce) =>
      apply((d) => withWorkloadUpdated(d, index, patch), coalesce),
    removeWorkload: (index) => {
      apply((d) => withWorkloadRemoved(d, index))
      const count = get().design.workloads.length
      ctx.set({ selectedWorkload: count === 0 ? null : Math.min(index, count - 1) })
    },
    setRisk: (findingId, treatment, note, coalesce) =>
      apply((d) => withRisk(d, findingId, treatment, note), coalesce),
    undo: () => travel('undo'),
    redo: () => travel('redo'),
  }
}
