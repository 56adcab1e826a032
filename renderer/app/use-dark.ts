// Whether the app is dark right now: the user's choice, or the OS when the choice is "system".
import { useSyncExternalStore } from 'react'
import { useApp } from './app-store'

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

function subscribe(onChange: () => void) {
  const query = darkQuery()
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** True when the dark theme applies. */
export function useDark(): boolean {
  const theme = useApp((s) => s.theme)
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery().matches)
  return theme === 'dark' || (theme === 'system' && systemDark)
}
