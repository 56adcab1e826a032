// The export slice: generate files for the chosen targets (generators load on first use),
// preview them, write them through the platform, copy one, or print the document to PDF.
import type { Catalog } from '../../shared/catalog/types'
import { getOrchestrator } from '../../shared/catalog/index'
import { isCancelled, isFailure } from '../../shared/ipc'
import type { Design } from '../../shared/model/schema'
import { serializeDesign } from '../../shared/model/index'
import { blockersText, buildabilityOf } from '../lib/buildable'
import { suggestedFileName } from './files-slice'
import type { ExportSlice, ExportTarget, GeneratedFiles, SliceContext } from './types'

export const ALL_TARGETS: readonly ExportTarget[] = [
  'doc',
  'reports',
  'kubernetes',
  'ecs',
  'swarm',
  'nomad',
]

/** The targets a design exports by default: the document, the reports and its own manifests. */
export function defaultTargets(design: Design, catalog: Catalog): ExportTarget[] {
  return ['doc', 'reports', getOrchestrator(catalog, design.choices.orchestrator).family]
}

/** Whether a target can be generated for the design: manifests only for its own orchestrator family. */
export function targetAvailable(target: ExportTarget, design: Design, catalog: Catalog): boolean {
  if (target === 'doc' || target === 'reports') return true
  return getOrchestrator(catalog, design.choices.orchestrator).family === target
}

/** The targets in effect: the user's choice (minus what the design cannot generate), or the default. */
export function effectiveTargets(
  chosen: readonly ExportTarget[] | null,
  design: Design,
  catalog: Catalog,
): readonly ExportTarget[] {
  if (chosen === null) return defaultTargets(design, catalog)
  return chosen.filter((t) => targetAvailable(t, design, catalog))
}

/** The design file itself, as Save writes it, named as Save As suggests. */
function designFile(design: Design): { path: string; content: string } {
  return { path: suggestedFileName(design.metadata.name), content: serializeDesign(design, 'yaml') }
}

const sameTargets = (a: readonly ExportTarget[], b: readonly ExportTarget[]) =>
  a.length === b.length && a.every((t) => b.includes(t))

/** The export slice with its initial state. */
export function createExportSlice(ctx: SliceContext): ExportSlice {
  const { set, get, deps } = ctx

  const isCurrent = (g: GeneratedFiles | null, targets: readonly ExportTarget[]) =>
    g !== null && g.forDesign === get().design && sameTargets(g.targets, targets)

  const generateHere = async (design: Design, targets: readonly ExportTarget[]) => {
    const { generateAll } = await import('../../shared/generate/index')
    return generateAll(design, deps.catalog, { targets })
  }

  const run = async (targets: readonly ExportTarget[]) => {
    const design = get().design
    const generated = await (deps.generate ?? generateHere)(design, targets)
    // The design file goes with what it generated, so the export can be reopened and regenerated.
    const own = designFile(design)
    const files = [own, ...generated.filter((f) => f.path !== own.path)]
    return { forDesign: design, targets, files } satisfies GeneratedFiles
  }

  const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

  const generateFor = async (targets: readonly ExportTarget[]): Promise<GeneratedFiles | null> => {
    set({ generating: true })
    try {
      const next = await run(targets)
      // A newer edit may have landed while the generators loaded; keep only current output.
      if (next.forDesign === get().design) {
        const keep = get().previewPath
        set({
          generated: next,
          previewPath: next.files.some((f) => f.path === keep)
            ? keep
            : (next.files[0]?.path ?? null),
        })
      }
      return next
    } catch (e) {
      set({ notice: { tone: 'error', text: `Could not generate the files: ${errorText(e)}` } })
      return null
    } finally {
      set({ generating: false })
    }
  }

  // One run per design and target set: a second request while it runs shares its result.
  let inFlight: {
    design: Design
    targets: readonly ExportTarget[]
    run: Promise<GeneratedFiles | null>
  } | null = null

  return {
    exportTargets: null,
    generated: null,
    generating: false,
    previewPath: null,

    setExportTargets: (targets) => {
      set({ exportTargets: ALL_TARGETS.filter((t) => targets.includes(t)) })
      void get().generate()
    },
    setPreviewPath: (previewPath) => set({ previewPath }),

    generate: () => {
      const { exportTargets, design, generated } = get()
      const targets = effectiveTargets(exportTargets, design, deps.catalog)
      if (isCurrent(generated, targets)) return Promise.resolve(generated)
      if (inFlight && inFlight.design === design && sameTargets(inFlight.targets, targets))
        return inFlight.run
      const started = generateFor(targets)
      inFlight = { design, targets, run: started }
      void started.finally(() => {
        if (inFlight?.run === started) inFlight = null
      })
      return started
    },

    exportFiles: async () => {
      // Field problems (a name used twice) make the generators drop or merge things: refuse.
      const before = buildabilityOf(get().evaluation, get().issues, get().unchosen)
      if (before.fieldProblems.length > 0 || before.missing.length > 0) {
        const text = `${before.missing.length > 0 ? 'Finish' : 'Fix'} ${blockersText(before)} before exporting`
        set({ notice: { tone: 'error', text } })
        return
      }
      const generated = await get().generate()
      if (!generated || generated.files.length === 0) return
      const result = await deps.platform.exportFiles(generated.files, get().design.metadata.name)
      if (isCancelled(result)) return
      if (isFailure(result)) return set({ notice: { tone: 'error', text: result.error } })
      // An export of a design with incompatibilities is allowed (to share it), never silently.
      const build = buildabilityOf(get().evaluation, get().issues, get().unchosen)
      set({
        notice: build.buildable
          ? { tone: 'success', text: `Exported ${result.written} files to ${result.folder}` }
          : {
              tone: 'error',
              text: `Exported ${result.written} files to ${result.folder}, but the design is not buildable: ${blockersText(build)}`,
            },
      })
    },

    copyFile: async (path) => {
      const file = get().generated?.files.find((f) => f.path === path)
      if (!file) return
      try {
        await deps.writeClipboard(file.content)
        set({ notice: { tone: 'success', text: `Copied ${path} to the clipboard` } })
      } catch (e) {
        set({ notice: { tone: 'error', text: `Could not copy: ${errorText(e)}` } })
      }
    },

    printPdf: async () => {
      const design = get().design
      const build = buildabilityOf(get().evaluation, get().issues, get().unchosen)
      if (build.fieldProblems.length > 0 || build.missing.length > 0) {
        const text = `${build.missing.length > 0 ? 'Finish' : 'Fix'} ${blockersText(build)} before printing`
        set({ notice: { tone: 'error', text } })
        return
      }
      try {
        const { files } = await run(['doc'])
        const html = files.find((f) => f.path.endsWith('.html'))
        if (!html) throw new Error('the document generator produced no HTML')
        const result = await deps.platform.exportPdf(html.content, `${design.metadata.name}.pdf`)
        if (isCancelled(result)) return
        if (isFailure(result)) return set({ notice: { tone: 'error', text: result.error } })
        set({
          notice: {
            tone: 'success',
            text:
              deps.platform.kind === 'browser'
                ? 'The print dialog is open: choose "Save as PDF" there.'
                : `Saved ${result.path}`,
          },
        })
      } catch (e) {
        set({ notice: { tone: 'error', text: `Could not print the document: ${errorText(e)}` } })
      }
    },
  }
}
