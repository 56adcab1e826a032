// "Export PDF" in the browser: print the HTML document from a sandboxed frame; the user's print
// dialog offers "Save as PDF". Electron instead renders the PDF itself (printToPDF) and writes it.

/** Prints `html` from a hidden frame that may not run scripts; resolves once the dialog has opened. */
export function printHtml(doc: Document, html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = doc.createElement('iframe')
    // No allow-scripts: the document is data. allow-same-origin lets us call print() on it,
    // allow-modals lets that print dialog open.
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
    frame.setAttribute('aria-hidden', 'true')
    frame.tabIndex = -1
    frame.title = 'Design document for printing'
    Object.assign(frame.style, {
      position: 'fixed',
      right: '0',
      bottom: '0',
      width: '0',
      height: '0',
      border: '0',
    })
    frame.addEventListener('load', () => {
      const win = frame.contentWindow
      if (!win) {
        frame.remove()
        reject(new Error('The print frame did not load.'))
        return
      }
      win.addEventListener('afterprint', () => frame.remove())
      win.focus()
      win.print()
      resolve()
    })
    frame.srcdoc = html
    doc.body.append(frame)
  })
}
