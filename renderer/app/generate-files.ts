// Runs the generators for the Export step. They load on first use (a large chunk) and run on this
// thread: the document's diagram layout (elkjs, via beautiful-mermaid) cannot run inside a Web
// Worker, where it mistakes itself for its own worker script. So the work is cut into one call per
// target with a painted frame before each: "Generating…" shows at once and the window keeps
// answering between targets instead of freezing for the whole export of a large design.
import { catalog } from '../../shared/catalog/index'
import type { Target } from '../../shared/generate/index'
import type { Design } from '../../shared/model/schema'

const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

/** Every generated file for the design and targets, sorted by path as `generateAll` sorts them. */
export async function generateFiles(
  design: Design,
  targets: readonly Target[],
): Promise<{ path: string; content: string }[]> {
  const { generateAll } = await import('../../shared/generate/index')
  const files: { path: string; content: string }[] = []
  for (const target of targets) {
    await afterPaint()
    files.push(...generateAll(design, catalog, { targets: [target] }))
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
