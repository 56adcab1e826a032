// Serves the built renderer on app://stackwright/ (a privileged custom scheme instead of file://), with
// the CSP and other security headers on every response.
import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { resolveAsset } from './app-assets'
import { APP_SCHEME } from './app-url'
import { CONTENT_SECURITY_POLICY, securityHeaders } from './security-policy'

/** Must run before the app is ready: makes app:// a secure, standard origin (no CSP bypass). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Answers app:// requests on the default session with files from `rootDir` only. */
export function serveApp(rootDir: string, log: (message: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405 })
    }
    const asset = resolveAsset(rootDir, request.url)
    if (!asset.ok) {
      log(`app:// refused ${request.url.slice(0, 200)}: ${asset.reason}`)
      return new Response(null, { status: asset.status })
    }
    // net.fetch reads inside app.asar; the path was already confined to rootDir above.
    let file: Response
    try {
      file = await net.fetch(pathToFileURL(asset.file).toString(), {
        bypassCustomProtocolHandlers: true,
      })
    } catch {
      return new Response(null, { status: 404 })
    }
    if (!file.ok) return new Response(null, { status: 404 })
    return new Response(file.body, {
      status: 200,
      headers: securityHeaders(asset.mime, CONTENT_SECURITY_POLICY),
    })
  })
}
