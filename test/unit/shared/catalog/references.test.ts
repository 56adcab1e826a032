// The reference ids the engine and generators cite by name must resolve.
import { describe, expect, it } from 'vitest'
import { STANDARD_REFERENCE_IDS, catalog, getReference } from '../../../../shared/catalog/index'

// KNOWLEDGE.md numbers its sources S1..S73 and skips S71.
const KNOWLEDGE_IDS = Array.from({ length: 73 }, (_, i) => `S${i + 1}`).filter((id) => id !== 'S71')

const ENGINE_CITED = [
  'ARTICLE-ORCHESTRATION',
  'ARTICLE-ISOLATION',
  'ARTICLE-RUNTIMES',
  'ARTICLE-OS',
  'ARTICLE-PLUGINS',
  'NIST SP 800-190 4.1.1',
  'NIST SP 800-190 4.1.4',
  'NIST SP 800-190 4.1.5',
  'NIST SP 800-190 4.3.1',
  'NIST SP 800-190 4.3.2',
  'NIST SP 800-190 4.3.3',
  'NIST SP 800-190 4.3.4',
  'NIST SP 800-190 4.3.5',
  'NIST SP 800-190 4.4.1',
  'NIST SP 800-190 4.4.2',
  'NIST SP 800-190 4.4.3',
  'NIST SP 800-190 4.5.1',
  'NIST SP 800-190 4.5.2',
  'NIST SP 800-190 4.5.3',
  'NIST SP 800-190 4.5.5',
  'CIS Kubernetes 5.1.5',
  'CIS Kubernetes 5.1.6',
  'CIS Kubernetes 5.2.2',
  'CIS Kubernetes 5.2.5',
  'CIS Kubernetes 5.2.6',
  'CIS Kubernetes 5.2.7',
  'CIS Kubernetes 5.2.8',
  'CIS Kubernetes 5.2.9',
  'CIS Kubernetes 5.3.1',
  'CIS Kubernetes 5.3.2',
  'CIS Kubernetes 5.4.1',
  'CIS Kubernetes 5.4.2',
  'CIS Kubernetes 5.5.1',
  'CIS Kubernetes 5.7.1',
  'CIS Kubernetes 5.7.2',
  'CIS Kubernetes 5.7.3',
  'CIS Kubernetes 5.7.4',
  'PSS',
  'K8S-SECURITY-CONTEXT',
  'K8S-RBAC-GOOD-PRACTICES',
  'K8S-AUDIT',
  'K8S-SECRETS-GOOD-PRACTICES',
  'SWARM-STACK-IGNORED',
  'PCI-DSS-4.0',
  'HIPAA-SECURITY-RULE',
  'SOC2-TSC',
  'FEDRAMP-MODERATE',
  'NIST SP 800-53 SC-7',
  'NIST SP 800-53 AC-6',
  'NIST SP 800-53 AU-2',
  'NIST SP 800-53 SI-4',
]

describe('references', () => {
  it.each(KNOWLEDGE_IDS)('KNOWLEDGE.md source %s is in the table', (id) => {
    expect(getReference(catalog, id)?.id).toBe(id)
  })

  it('exports exactly the standard ids the engine cites', () => {
    expect([...STANDARD_REFERENCE_IDS].sort()).toEqual([...ENGINE_CITED].sort())
  })

  it.each(ENGINE_CITED)('standard reference %s resolves with a URL', (id) => {
    const ref = getReference(catalog, id)
    expect(ref?.id).toBe(id)
    expect(ref?.url).toMatch(/^https:\/\//)
  })

  it('NIST and CIS section references name their section in the title', () => {
    for (const id of ENGINE_CITED.filter((i) => /^(NIST SP 800-190|CIS Kubernetes) /.test(i))) {
      const section = id.split(' ').at(-1) ?? ''
      const ref = getReference(catalog, id)
      expect(ref?.section).toBe(section)
      expect(ref?.title).toContain(section)
    }
  })

  it('returns undefined for an unknown reference id', () => {
    expect(getReference(catalog, 'NO-SUCH-REFERENCE')).toBeUndefined()
  })
})
