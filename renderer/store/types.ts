// The store's shape: one state built from slices, plus what the slices need from outside.
import type { StoreApi } from 'zustand'
import type { TemporalState } from 'zundo'
import type { AutosaveEntry, PlatformApi } from '../../shared/ipc'
import type { Catalog } from '../../shared/catalog/types'
import type { Criterion, Evaluation, RankedStack } from '../../shared/engine/types'
import type { Design, Treatment } from '../../shared/model/schema'
import type { DesignError } from '../../shared/model/errors'
import type { MenuCommand } from '../../shared/ipc'
import type { StepId } from './steps'
import type { FieldIssues } from './validation'
import type { ChoiceDimension } from './option-outcomes'
import type { Stack } from '../../shared/engine/types'
import type { PluginId, RuntimeId } from '../../shared/catalog/ids'
import type { Endpoint, NodePool, Workload } from '../../shared/model/schema'
import type { PoolTemplate } from './pool-edits'
import type { EndpointKind } from './endpoint-edits'

/** Timers, injected so tests control time instead of sleeping. */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Everything the store reaches outside itself. */
export interface StoreDeps {
  readonly platform: PlatformApi
  readonly catalog: Catalog
  readonly scheduler: Scheduler
  /** The clock, for "last saved" times. */
  readonly now: () => Date
  /** Copies text for the Export step's "Copy" button. */
  readonly writeClipboard: (text: string) => Promise<void>
  /** Whether the OS asks for dark mode, for the theme toggle. */
  readonly prefersDark: () => boolean
  /** Runs the generators (the app waits for a paint first); by default they load and run at once. */
  readonly generate?: (
    design: Design,
    targets: readonly ExportTarget[],
  ) => Promise<{ path: string; content: string }[]>
  /** Delay before an edit is autosaved. */
  readonly autosaveDelayMs?: number
  /** This profile's onboarding flags; without them onboarding never starts by itself. */
  readonly preferences?: Preferences
}

/** Flags remembered per profile, outside any design. */
export type OnboardingFlag = 'welcomeSeen' | 'tourDone'

/** Where the onboarding flags are kept (localStorage in both editions). */
export interface Preferences {
  getFlag(name: OnboardingFlag): boolean
  setFlag(name: OnboardingFlag): void
}

/** Undo history holds only the design: UI state is never undone. */
export interface HistoryState {
  readonly design: Design
}
export type HistoryApi = StoreApi<TemporalState<HistoryState>>

export type ThemeChoice = 'system' | 'light' | 'dark'

/** What the live panel's detail dialog shows when a number is clicked. */
export type Inspect =
  | { readonly kind: 'overall' }
  | {
      readonly kind: 'criterion'
      readonly criterion: Criterion
    }
  | { readonly kind: 'balance' }

export interface Notice {
  readonly tone: 'info' | 'success' | 'error'
  readonly text: string
}

/** A design file that failed to open, or opened with errors: the errors, located in the source. */
export interface OpenFailure {
  readonly fileName: string
  readonly errors: readonly DesignError[]
  /** The design is in the editor (its parts disagree); false when the file could not be read. */
  readonly opened: boolean
}

/** A design that was read in an older format and will be saved in the current one. */
export interface Migration {
  readonly fileName: string
  /** The apiVersion it was written in, e.g. `stackwright.dev/v1`. */
  readonly from: string
  /** The apiVersion Save writes. */
  readonly to: string
}

/** In-app modal dialogs (confirmations that must not lose work). */
/** What to do once the user agrees to discard unsaved changes. */
export type AfterDiscard =
  | { readonly kind: 'new' }
  | { readonly kind: 'open' }
  | { readonly kind: 'recent'; readonly path: string }
  | {
      readonly kind: 'text'
      readonly fileName: string
      readonly text: string
      readonly path: string | null
    }

export type Dialog =
  | { readonly kind: 'discard'; readonly then: AfterDiscard }
  | { readonly kind: 'overwrite'; readonly path: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'recovery'; readonly entry: AutosaveEntry }
  | { readonly kind: 'about' }

/** A choice an empty design leaves open until the user makes it (the file holds a placeholder). */
export type DraftDimension = 'cloud' | 'orchestrator' | 'runtime' | 'os' | 'cni'

export interface DesignSlice {
  design: Design
  /**
   * Choices not made yet: "Start an empty design" leaves these open. The design model needs a
   * value for each, so the design holds the schema default as a placeholder; the app shows the
   * dimension as unchosen, scores nothing and exports nothing until every one is picked.
   */
  unchosen: readonly DraftDimension[]
  /** Records that the user made a choice (also when they picked the placeholder's value). */
  markChosen(dimension: DraftDimension): void
  /** `evaluate(design)`, recomputed by every action that changes the design. */
  evaluation: Evaluation
  /** Field-level validation messages, keyed by design path (`workloads[2].image`). */
  issues: FieldIssues
  /** Applies an edit; edits with the same `coalesce` key in a row are one undo step (typing). */
  edit(recipe: (design: Design) => Design, options?: { readonly coalesce?: string }): void
  chooseOption(dimension: ChoiceDimension, id: string): void
  togglePlugin(id: PluginId): void
  clearPluginCategory(category: string): void
  adoptStack(stack: Stack): void
  /** Offers a sandbox on the pool it fits, or withdraws it from every pool. */
  toggleSandbox(id: RuntimeId): void
  addPool(template: PoolTemplate): void
  updatePool(index: number, patch: Partial<NodePool>, coalesce?: string): void
  removePool(index: number): void
  addEndpoint(kind: EndpointKind): void
  updateEndpoint(index: number, patch: Partial<Endpoint>, coalesce?: string): void
  removeEndpoint(index: number): void
  addWorkload(): void
  updateWorkload(index: number, patch: Partial<Workload>, coalesce?: string): void
  removeWorkload(index: number): void
  setRisk(findingId: string, treatment: Treatment, note: string, coalesce?: string): void
  undo(): void
  redo(): void
}

export interface UiSlice {
  step: StepId
  theme: ThemeChoice
  /** The workload open in the editor, by index. */
  selectedWorkload: number | null
  inspect: Inspect | null
  notice: Notice | null
  dialog: Dialog | null
  /** Stacks picked for side-by-side comparison (the current stack is always shown first). */
  compare: readonly Stack[]
  setStep(step: StepId): void
  setTheme(theme: ThemeChoice): void
  toggleTheme(prefersDark: boolean): void
  selectWorkload(index: number | null): void
  setInspect(inspect: Inspect | null): void
  notify(notice: Notice | null): void
  closeDialog(): void
  toggleCompare(stack: Stack): void
}

export interface FilesSlice {
  filePath: string | null
  /** The design as last opened or saved; the design is dirty when it is another object. */
  savedDesign: Design | null
  dirty: boolean
  lastSaved: string | null
  recent: readonly string[]
  openFailure: OpenFailure | null
  /** The open design was migrated from an older format: saving writes the current one. */
  migration: Migration | null
  booted: boolean
  boot(): Promise<void>
  /** Subscribes to the platform's menu, file and close events; returns the unsubscribe. */
  connect(): () => void
  newDesign(force?: boolean): void
  openFile(force?: boolean): Promise<void>
  openRecent(path: string, force?: boolean): Promise<void>
  /** Opens design text from a file; `path` is null when it came from a drop with no known path. */
  openText(fileName: string, text: string, path: string | null, force?: boolean): void
  discardAndContinue(): void
  save(force?: boolean): Promise<boolean>
  saveAs(): Promise<boolean>
  restoreRecovery(): void
  discardRecovery(): Promise<void>
  requestClose(): void
  answerClose(choice: 'save' | 'discard' | 'cancel'): Promise<void>
  dismissOpenFailure(): void
  dismissMigration(): void
  runCommand(command: MenuCommand): void
}

export type ExportTarget = 'doc' | 'reports' | 'kubernetes' | 'ecs' | 'swarm' | 'nomad'

export interface GeneratedFiles {
  readonly forDesign: Design
  readonly targets: readonly ExportTarget[]
  readonly files: readonly { readonly path: string; readonly content: string }[]
}

export interface ReviewSlice {
  /** `recommend(design)` for the design it was computed for; stale when that is not the current one. */
  recommendations: { readonly forDesign: Design; readonly stacks: readonly RankedStack[] } | null
  refreshRecommendations(): void
}

export interface ExportSlice {
  /** Chosen targets, or null for the design's default (document, reports, its orchestrator's manifests). */
  exportTargets: readonly ExportTarget[] | null
  generated: GeneratedFiles | null
  generating: boolean
  previewPath: string | null
  setExportTargets(targets: readonly ExportTarget[]): void
  setPreviewPath(path: string | null): void
  generate(): Promise<GeneratedFiles | null>
  exportFiles(): Promise<void>
  copyFile(path: string): Promise<void>
  printPdf(): Promise<void>
}

export interface OnboardingSlice {
  /** The welcome screen (examples and an empty design) is open. */
  welcomeOpen: boolean
  /** "Take the tour?" is being asked. */
  tourOffered: boolean
  /** The tour stop on screen (index into TOUR_STEPS), or null when no tour runs. */
  tourStep: number | null
  /** At start: shows the welcome on first run, unless crash recovery is offered. */
  startOnboarding(): void
  showWelcome(): void
  closeWelcome(): void
  /** Opens an example's text as an untitled design and offers the tour. */
  openExample(fileName: string, text: string): void
  startEmptyDesign(): void
  startTour(): void
  moveTour(delta: 1 | -1): void
  /** Ends (finishes or skips) the tour or declines it; remembered either way. */
  endTour(): void
}

export type AppState = DesignSlice &
  UiSlice &
  FilesSlice &
  ReviewSlice &
  ExportSlice &
  OnboardingSlice

export type SetState = (
  partial: Partial<AppState> | ((state: AppState) => Partial<AppState>),
) => void
export type GetState = () => AppState

/** Per-store mutable bookkeeping that is not state (timers, what was last sent to the window). */
export interface Scratch {
  /** Coalesce key of the last edit, so a run of keystrokes in one field is one undo step. */
  lastCoalesce: string | undefined
  autosaveTimer: unknown
  recommendTimer: unknown
  windowState: string | undefined
}

/** What every slice creator receives. */
export interface SliceContext {
  readonly set: SetState
  readonly get: GetState
  readonly deps: StoreDeps
  readonly history: () => HistoryApi
  readonly scratch: Scratch
}
