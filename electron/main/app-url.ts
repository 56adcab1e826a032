// The app's own origin: the renderer is served from app://stackwright/, never from file:// or the network.

export const APP_SCHEME = 'app'
export const APP_HOST = 'stackwright'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** True when `url` belongs to the app's own origin (used to trust IPC senders and allow loads). */
export function isAppUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // Custom schemes have an opaque `origin` in WHATWG URL, so compare protocol, host and port.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
