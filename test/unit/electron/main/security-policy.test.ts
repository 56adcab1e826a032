import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  PRINT_CONTENT_SECURITY_POLICY,
  decideWindowOpen,
  isSafeExternalUrl,
  securityHeaders,
  withCsp,
} from '../../../../electron/main/security-policy'

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

describe('Content-Security-Policy', () => {
  it('is the strict policy of SECURITY.md', () => {
    const csp = directives(CONTENT_SECURITY_POLICY)
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    })
  })

  it('never allows inline or evaluated script, in the app or in print', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY]) {
      expect(directives(policy).get('script-src')).not.toMatch(/unsafe-(inline|eval)|\*/)
    }
  })

  it('lets the printed document load nothing from anywhere', () => {
    const csp = directives(PRINT_CONTENT_SECURITY_POLICY)
    expect(csp.get('default-src')).toBe("'none'")
    expect(csp.get('img-src')).toBe('data:')
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })

  it('replaces a weaker policy a response carried, whatever its header case', () => {
    const headers = withCsp(
      { 'content-security-policy': ["script-src 'unsafe-eval'"], 'Content-Type': 'text/html' },
      CONTENT_SECURITY_POLICY,
    )
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] })
  })

  it('sends nosniff and the policy with every app:// response', () => {
    expect(securityHeaders('text/css', 'p')).toMatchObject({
      'Content-Type': 'text/css',
      'Content-Security-Policy': 'p',
      'X-Content-Type-Options': 'nosniff',
    })
  })
})

describe('external links', () => {
  it.each([
    ['https://kubernetes.io/docs/', true],
    ['https://github.com/stackwright/stackwright#readme', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['https://user:pass@example.com/', false],
    ['app://stackwright/index.html', false],
    ['not a url', false],
  ])('%s -> %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe)
    expect(decideWindowOpen(url)).toEqual({ openExternally: safe })
  })
})
