// The app's web security policy as data and small decisions, so it can be tested without Electron.

/** Content-Security-Policy for every document the app serves (see SECURITY.md). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/** CSP for the hidden PDF window: the printed HTML is generated from untrusted text, so it may load nothing. */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "font-src 'none'",
  "script-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/** Headers every app:// response carries. */
export function securityHeaders(mime: string, csp: string): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  }
}

/**
 * Adds the CSP to response headers from any other source (defence in depth for the session), replacing
 * a weaker policy the response may carry, whatever the header's case.
 */
export function withCsp(
  headers: Readonly<Record<string, string[] | string>> | undefined,
  csp: string,
): Record<string, string[]> {
  const kept = Object.entries(headers ?? {})
    .filter(([name]) => name.toLowerCase() !== 'content-security-policy')
    .map(([name, value]): [string, string[]] => [name, Array.isArray(value) ? [...value] : [value]])
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [csp] }
}

/** True for URLs the app may hand to the OS (shell.openExternal): plain https, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/** What to do with a window.open / target=_blank request: never a new window; https goes to the browser. */
export function decideWindowOpen(url: string): { readonly openExternally: boolean } {
  return { openExternally: isSafeExternalUrl(url) }
}
