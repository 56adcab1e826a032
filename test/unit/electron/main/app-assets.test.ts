import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveAsset } from '../../../../electron/main/app-assets'
import { APP_INDEX_URL, isAppUrl } from '../../../../electron/main/app-url'

const ROOT = path.resolve('/srv/app/dist/renderer')

describe('resolveAsset', () => {
  it('serves index.html for the root and for the index URL', () => {
    for (const url of ['app://stackwright/', 'app://stackwright', APP_INDEX_URL]) {
      expect(resolveAsset(ROOT, url)).toEqual({
        ok: true,
        file: path.join(ROOT, 'index.html'),
        mime: 'text/html; charset=utf-8',
      })
    }
  })

  it('serves nested assets with their MIME type and ignores the query', () => {
    const result = resolveAsset(ROOT, 'app://stackwright/assets/index-abc.js?v=1#x')
    expect(result).toEqual({
      ok: true,
      file: path.join(ROOT, 'assets', 'index-abc.js'),
      mime: 'text/javascript; charset=utf-8',
    })
  })

  it.each([
    ['app://stackwright/assets/..%2f..%2fsecret.js'],
    ['app://stackwright/..%5c..%5cx.js'],
    ['app://stackwright/index.html%00.js'],
    ['app://stackwright/%E0%A4%A'],
    ['app://other/index.html'],
    ['file:///etc/passwd'],
    ['https://stackwright/index.html'],
    ['not a url'],
  ])('refuses %s', (url) => {
    const result = resolveAsset(ROOT, url)
    expect(result.ok).toBe(false)
  })

  it('keeps dot segments that the URL parser resolves inside the root', () => {
    // WHATWG URL parsing removes "..", "%2e%2e" and "." segments before the handler sees the path.
    for (const [url, file] of [
      ['app://stackwright/%2e%2e/%2e%2e/etc/passwd.txt', 'etc/passwd.txt'],
      ['app://stackwright/a/%2E%2E/%2E%2E/%2E%2E/x.js', 'x.js'],
      ['app://stackwright/./index.html', 'index.html'],
    ] as const) {
      expect(resolveAsset(ROOT, url)).toMatchObject({ ok: true, file: path.join(ROOT, file) })
    }
  })

  it('refuses file types it does not know', () => {
    expect(resolveAsset(ROOT, 'app://stackwright/secret.env')).toMatchObject({
      ok: false,
      status: 404,
    })
  })

  it('never resolves outside the root, whatever the path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('..', '.', '%2e%2e', 'a', '%2f', '%5c', '/', 'b.js', '%00', '\\')),
        (parts) => {
          const result = resolveAsset(ROOT, `app://stackwright/${parts.join('/')}`)
          if (result.ok) {
            const rel = path.relative(ROOT, result.file)
            expect(rel.startsWith('..') || path.isAbsolute(rel)).toBe(false)
          }
        },
      ),
    )
  })
})

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true)
    expect(isAppUrl('app://stackwright/assets/x.js')).toBe(true)
    expect(isAppUrl('app://stackwright:8080/')).toBe(false)
    expect(isAppUrl('app://evil/')).toBe(false)
    expect(isAppUrl('https://stackwright/')).toBe(false)
    expect(isAppUrl('about:blank')).toBe(false)
    expect(isAppUrl('')).toBe(false)
  })
})
