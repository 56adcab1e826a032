// What follows every design change, in one place: derive the evaluation, mark dirty, tell the
// window, schedule the autosave and (on Review) the recommendations.
import { evaluate } from '../../shared/engine/index'
import type { Design } from '../../shared/model/schema'
import { serializeDesign } from '../../shared/model/index'
import { isFailure } from '../../shared/ipc'
import type { AppState, SliceContext } from './types'
import { validateDesign } from './validation'

export const DEFAULT_AUTOSAVE_DELAY_MS = 1500
export const RECOMMEND_DELAY_MS = 250

/** The state that follows from a design: evaluation, field issues and dirty flag. */
export function derivedFrom(ctx: SliceContext, design: Design): Partial<AppState> {
  return {
    design,
    evaluation: evaluate(design, ctx.deps.catalog),
    issues: validateDesign(design),
    dirty: design !== ctx.get().savedDesign,
  }
}

/** The window title for a design and file: the design's title, then the file name. */
export function windowTitle(design: Design, filePath: string | null): string {
  const name = design.metadata.title.trim() || design.metadata.name
  if (!filePath) return name
  const file = filePath.split(/[\\/]/).pop() ?? filePath
  return `${name} (${file})`
}

/** Tells the platform the title and dirty flag, only when they changed. */
export function syncWindow(ctx: SliceContext): void {
  const { design, filePath, dirty } = ctx.get()
  const title = windowTitle(design, filePath)
  const key = `${dirty ? '1' : '0'}${title}`
  if (ctx.scratch.windowState === key) return
  ctx.scratch.windowState = key
  void ctx.deps.platform.setWindowState(title, dirty)
}

/** Writes the crash-recovery copy after a quiet moment; only dirty designs need one. */
export function scheduleAutosave(ctx: SliceContext): void {
  const { scheduler } = ctx.deps
  if (ctx.scratch.autosaveTimer !== undefined) scheduler.clearTimeout(ctx.scratch.autosaveTimer)
  ctx.scratch.autosaveTimer = undefined
  if (!ctx.get().dirty) return
  ctx.scratch.autosaveTimer = scheduler.setTimeout(() => {
    ctx.scratch.autosaveTimer = undefined
    void autosaveNow(ctx)
  }, ctx.deps.autosaveDelayMs ?? DEFAULT_AUTOSAVE_DELAY_MS)
}

/** Writes the autosave copy at once (also used before a close). */
export async function autosaveNow(ctx: SliceContext): Promise<void> {
  const { design, filePath, dirty } = ctx.get()
  if (!dirty) return
  const result = await ctx.deps.platform.writeAutosave(
    serializeDesign(design, 'yaml'),
    filePath ?? undefined,
  )
  if (isFailure(result)) ctx.get().notify({ tone: 'error', text: result.error })
}

/** Cancels a pending autosave (after Save, New or Open the copy is not needed). */
export function cancelAutosave(ctx: SliceContext): void {
  if (ctx.scratch.autosaveTimer !== undefined)
    ctx.deps.scheduler.clearTimeout(ctx.scratch.autosaveTimer)
  ctx.scratch.autosaveTimer = undefined
}

/** Side effects of a new current design. */
export function afterDesignChange(ctx: SliceContext): void {
  syncWindow(ctx)
  scheduleAutosave(ctx)
  const { step } = ctx.get()
  if (step === 'review') scheduleRecommendations(ctx)
  if (step === 'export') void ctx.get().generate()
}

/** Recomputes "what would raise my score" shortly after the last change (it takes ~100 ms). */
export function scheduleRecommendations(ctx: SliceContext, delay = RECOMMEND_DELAY_MS): void {
  const { scheduler } = ctx.deps
  if (ctx.scratch.recommendTimer !== undefined) scheduler.clearTimeout(ctx.scratch.recommendTimer)
  ctx.scratch.recommendTimer = scheduler.setTimeout(() => {
    ctx.scratch.recommendTimer = undefined
    ctx.get().refreshRecommendations()
  }, delay)
}

/** An undoable design change: one history entry, or folded into the last one when coalescing. */
export function commitDesign(ctx: SliceContext, next: Design, coalesce?: string): void {
  const { design } = ctx.get()
  if (next === design) return
  const history = ctx.history()
  const fold =
    coalesce !== undefined &&
    coalesce === ctx.scratch.lastCoalesce &&
    history.getState().pastStates.length > 0
  if (fold) history.getState().pause()
  ctx.set(derivedFrom(ctx, next))
  if (fold) history.getState().resume()
  ctx.scratch.lastCoalesce = coalesce
  afterDesignChange(ctx)
}

/** Replaces the design outright (New, Open, recovery): not undoable, history starts afresh. */
export function replaceDesign(
  ctx: SliceContext,
  design: Design,
  file: { filePath: string | null; saved: boolean },
): void {
  const history = ctx.history()
  history.getState().pause()
  ctx.set({
    savedDesign: file.saved ? design : null,
    filePath: file.filePath,
    selectedWorkload: null,
    recommendations: null,
    generated: null,
    previewPath: null,
    compare: [],
    unchosen: [],
  })
  ctx.set(derivedFrom(ctx, design))
  history.getState().resume()
  history.getState().clear()
  ctx.scratch.lastCoalesce = undefined
  cancelAutosave(ctx)
  syncWindow(ctx)
  if (!file.saved) scheduleAutosave(ctx)
  if (ctx.get().step === 'review') scheduleRecommendations(ctx, 0)
}
