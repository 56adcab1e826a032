// A short status message at the bottom of the window; errors are announced assertively.
import { useEffect } from 'react'
import { useApp } from '../app/app-store'

const HIDE_AFTER_MS = 6000

/** The current notice, if any. Success and info notices fade after a few seconds. */
export function NoticeBar() {
  const notice = useApp((s) => s.notice)
  const notify = useApp((s) => s.notify)
  useEffect(() => {
    if (!notice || notice.tone === 'error') return
    const timer = window.setTimeout(() => notify(null), HIDE_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [notice, notify])
  return (
    <div className="notice-region" role={notice?.tone === 'error' ? 'alert' : 'status'}>
      {notice ? (
        <div className={`notice notice-${notice.tone}`} data-testid="notice">
          <span>{notice.text}</span>
          <button
            type="button"
            className="icon-button"
            onClick={() => notify(null)}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  )
}
