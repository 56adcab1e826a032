// Renders the exported HTML document to PDF in a hidden window: sandboxed, JavaScript disabled, its own
// in-memory session that serves only that document and denies every other request.
import { BrowserWindow, session } from 'electron'
import { APP_SCHEME } from './app-url'
import { PRINT_CONTENT_SECURITY_POLICY, securityHeaders } from './security-policy'
import { hardenSession } from './window'

const PARTITION = 'stackwright-print'
const DOCUMENT_URL = `${APP_SCHEME}://print/document.html`

let current = ''
let queue: Promise<unknown> = Promise.resolve()
let prepared = false

function prepareSession(): void {
  if (prepared) return
  prepared = true
  const ses = session.fromPartition(PARTITION)
  hardenSession(ses, PRINT_CONTENT_SECURITY_POLICY)
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: details.url !== DOCUMENT_URL && !details.url.startsWith('data:') })
  })
  ses.protocol.handle(APP_SCHEME, (request) =>
    request.url === DOCUMENT_URL
      ? new Response(current, {
          headers: securityHeaders('text/html; charset=utf-8', PRINT_CONTENT_SECURITY_POLICY),
        })
      : new Response(null, { status: 404 }),
  )
}

async function render(html: string): Promise<Uint8Array> {
  prepareSession()
  current = html
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      partition: PARTITION,
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    },
  })
  try {
    await window.loadURL(DOCUMENT_URL)
    return await window.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    })
  } finally {
    current = ''
    window.destroy()
  }
}

/** Prints `html` to a PDF; calls are serialised so two exports never share the window. */
export function renderPdf(html: string): Promise<Uint8Array> {
  const next = queue.then(() => render(html))
  queue = next.catch(() => undefined)
  return next
}
