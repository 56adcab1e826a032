// File input and downloads: how the browser edition opens and saves without dialogs of its own.
import type { OpenedFile, Cancelled, Failure } from '../../shared/ipc'
import { MAX_IPC_TEXT } from '../../shared/ipc'

/** Asks the user for a design file with a hidden `<input type=file>`; must run inside a user gesture. */
export function pickTextFile(doc: Document): Promise<OpenedFile | Cancelled | Failure> {
  return new Promise((resolve) => {
    const input = doc.createElement('input')
    input.type = 'file'
    input.accept = '.yaml,.yml,.json,application/yaml,application/json,text/yaml'
    input.style.display = 'none'
    const done = (result: OpenedFile | Cancelled | Failure) => {
      input.remove()
      resolve(result)
    }
    input.addEventListener('cancel', () => done({ cancelled: true }))
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) return done({ cancelled: true })
      void readFileText(file).then(done)
    })
    doc.body.append(input)
    input.click()
  })
}

/** Reads a dropped or picked file as text, refusing files larger than a design can be. */
export async function readFileText(file: File): Promise<OpenedFile | Failure> {
  if (file.size > MAX_IPC_TEXT)
    return {
      error: `${file.name} is ${file.size} bytes; design files are at most ${MAX_IPC_TEXT}.`,
    }
  try {
    return { path: file.name, content: await file.text() }
  } catch (e) {
    return { error: `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** Offers bytes or text to the user as a download named `fileName`. */
export function download(doc: Document, fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data)
  const a = doc.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  doc.body.append(a)
  a.click()
  a.remove()
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The last segment of a path: the browser only knows names, never folders. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** Zips generated files with fixed timestamps, so the same design gives byte-identical archives. */
export async function zipFiles(files: readonly { path: string; content: string }[]): Promise<Blob> {
  const { zipSync, strToU8 } = await import('fflate')
  const mtime = new Date(1980, 0, 1)
  const tree: Record<string, [Uint8Array, { mtime: Date }]> = {}
  for (const f of files) tree[f.path] = [strToU8(f.content), { mtime }]
  const bytes = zipSync(tree, { level: 6 })
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' })
}
