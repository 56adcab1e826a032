// "Open Recent" as a small disclosure menu of file names.
import { useEffect, useRef, useState } from 'react'
import { useApp } from '../app/app-store'
import { RecentIcon } from '../components/icons'

/** A button that lists recent files; picking one opens it (asking first when work is unsaved). */
export function RecentMenu() {
  const recent = useApp((s) => s.recent)
  const openRecent = useApp((s) => s.openRecent)
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [open])

  return (
    <div
      className="menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false)
      }}
    >
      <button
        type="button"
        className="tool-button"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
      >
        <RecentIcon />
        <span className="tool-label">Recent</span>
      </button>
      {open ? (
        <div className="menu-popover" role="group" aria-label="Recent files">
          {recent.length === 0 ? (
            <p className="muted menu-empty">No recent files yet.</p>
          ) : (
            <ul>
              {recent.map((path) => (
                <li key={path}>
                  <button
                    type="button"
                    className="menu-item"
                    onClick={() => {
                      setOpen(false)
                      void openRecent(path)
                    }}
                  >
                    {path.split(/[\\/]/).pop()}
                    <span className="menu-item-detail">{path}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  )
}
