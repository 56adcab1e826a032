// Runs the generators off the UI thread. elkjs (the diagram layout inside beautiful-mermaid) treats a
// global scope without `document` as its own worker script and then exports nothing, so this worker
// defines an empty `document` before loading the generators (nothing in shared/ reads it); and
// beautiful-mermaid saves and restores `self` around loading elkjs, which a worker's getter-only
// `self` refuses, so `self` becomes an ordinary property first.
import type { Target } from '../../shared/generate/index'
import type { Design } from '../../shared/model/schema'

interface Job {
  readonly id: number
  readonly design: Design
  readonly targets: readonly Target[]
}

const scope = globalThis as unknown as {
  document?: object
  onmessage: ((event: MessageEvent<Job>) => void) | null
  postMessage: (message: unknown) => void
}
scope.document ??= {}
Object.defineProperty(globalThis, 'self', { value: globalThis, writable: true, configurable: true })

scope.onmessage = (event) => {
  const { id, design, targets } = event.data
  void (async () => {
    try {
      const [{ generateAll }, { catalog }] = await Promise.all([
        import('../../shared/generate/index'),
        import('../../shared/catalog/index'),
      ])
      scope.postMessage({ id, files: generateAll(design, catalog, { targets }) })
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
    }
  })()
}
