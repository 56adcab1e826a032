// Maps an app:// request URL to a file inside the built renderer folder, refusing anything outside it.
import path from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-url'

/** What the protocol handler should do with a request. */
export type AssetResolution =
  | { readonly ok: true; readonly file: string; readonly mime: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string }

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/**
 * Resolves `requestUrl` (app://stackwright/<path>) to an absolute file under `rootDir`.
 * Refuses other hosts, encoded traversal ("..", "%2e%2e"), backslashes, NUL and unknown file types.
 */
export function resolveAsset(rootDir: string, requestUrl: string): AssetResolution {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 403, reason: `foreign origin ${url.protocol}//${url.host}` }
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' }
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { ok: false, status: 400, reason: 'NUL or backslash in path' }
  }
  const segments = pathname.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) {
    return { ok: false, status: 403, reason: 'path traversal' }
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/')
  const root = path.resolve(rootDir)
  const file = path.resolve(root, relative)
  const rel = path.relative(root, file)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return { ok: false, status: 403, reason: 'path outside the app folder' }
  }
  const mime = MIME[path.extname(file).toLowerCase()]
  if (mime === undefined) return { ok: false, status: 404, reason: 'unknown file type' }
  return { ok: true, file, mime }
}
