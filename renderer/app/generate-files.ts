// Runs the generators for the Export step. They load on first use (a large chunk) and run on this
// thread: the document's diagram layout (elkjs, via beautiful-mermaid) cannot run inside a Web
// Worker, where it mistakes itself for its own worker script. Waiting for a painted frame first
// lets "Generating…" show before a large design's seconds of work.
import { catalog } from '../../shared/catalog/index'
import type { Target } from '../../shared/generate/index'
import type { Design } from '../../shared/model/schema'

const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

/** Every generated file for the design and targets. */
export async function generateFiles(
  design: Design,
  targets: readonly Target[],
): Promise<{ path: string; content: string }[]> {
  const [{ generateAll }] = await Promise.all([import('../../shared/generate/index'), afterPaint()])
  return generateAll(design, catalog, { targets })
}
