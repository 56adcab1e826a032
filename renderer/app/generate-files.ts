// Runs the generators for the Export step in a Web Worker, so even a 1,000-workload design never
// freezes the window. Where a worker cannot start or fails (an old engine, a CSP that forbids it), the
// same generators run here instead, one target per painted frame so "Generating…" still shows.
import { catalog } from '../../shared/catalog/index'
import type { Target } from '../../shared/generate/index'
import type { Design } from '../../shared/model/schema'

type Files = { path: string; content: string }[]
type Reply = { id: number; files: Files } | { id: number; error: string }

const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

let worker: Worker | null | undefined
let nextId = 0

function startWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./generate-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    worker = null
  }
  return worker
}

function inWorker(design: Design, targets: readonly Target[]): Promise<Files> {
  const w = startWorker()
  if (!w) return Promise.reject(new Error('no worker'))
  const id = (nextId += 1)
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<Reply>) => {
      if (event.data.id !== id) return
      w.removeEventListener('message', onMessage)
      w.removeEventListener('error', onError)
      if ('error' in event.data) reject(new Error(event.data.error))
      else resolve(event.data.files)
    }
    const onError = () => {
      w.removeEventListener('message', onMessage)
      w.removeEventListener('error', onError)
      worker = null
      reject(new Error('generator worker failed'))
    }
    w.addEventListener('message', onMessage)
    w.addEventListener('error', onError)
    w.postMessage({ id, design, targets })
  })
}

async function onThisThread(design: Design, targets: readonly Target[]): Promise<Files> {
  const { generateAll } = await import('../../shared/generate/index')
  const files: Files = []
  for (const target of targets) {
    await afterPaint()
    files.push(...generateAll(design, catalog, { targets: [target] }))
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Every generated file for the design and targets, sorted by path as `generateAll` sorts them. */
export async function generateFiles(design: Design, targets: readonly Target[]): Promise<Files> {
  // Where the work ran is shown on the root element, so the end-to-end tests can check the worker.
  const root = document.documentElement
  try {
    const files = await inWorker(design, targets)
    root.dataset.generator = 'worker'
    return files
  } catch {
    root.dataset.generator = 'main-thread'
    return onThisThread(design, targets)
  }
}
