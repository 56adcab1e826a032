// Drag a design file onto the window to open it; the text goes through the same loader as Open.
import { useEffect, useState } from 'react'
import { appStore } from '../app/app-store'
import { readFileText } from '../platform/browser-files'

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

/** A full-window drop target, visible only while a file is dragged over. */
export function DropZone() {
  const [active, setActive] = useState(false)
  useEffect(() => {
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth++
      setActive(true)
    }
    const leave = () => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setActive(false)
    }
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth = 0
      setActive(false)
      const file = e.dataTransfer?.files[0]
      if (!file) return
      void readFileText(file).then((result) => {
        const store = appStore.getState()
        if ('error' in result) store.notify({ tone: 'error', text: result.error })
        else store.openText(result.path, result.content, null)
      })
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
  if (!active) return null
  return (
    <div className="drop-zone" aria-hidden="true">
      <div className="drop-zone-card">Drop a design file to open it</div>
    </div>
  )
}
