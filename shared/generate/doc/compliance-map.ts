// Which parts of each compliance framework a container platform design touches, and the engine rules
// that speak to them. A short orientation for reviewers, not a mapping an assessor would sign.

export type Framework = 'pci-dss' | 'hipaa' | 'soc2' | 'fedramp'

export interface ComplianceItem {
  /** The framework's own identifier, e.g. `Requirement 1` or `164.312(b)`. */
  readonly control: string
  readonly topic: string
  /** Engine rule ids (findings, violations, score rules) whose result matters for this item. */
  readonly rules: readonly string[]
}

export interface FrameworkNotes {
  readonly name: string
  readonly reference: string
  readonly items: readonly ComplianceItem[]
}

const NETWORK = ['RISK-FLAT-NETWORK', 'COMPAT-NETWORK-POLICY-UNENFORCED', 'ISO-NETWORK-POSTURE']
const LEAST_PRIVILEGE = [
  'RISK-HOST-ACCESS',
  'RISK-DANGEROUS-CAPABILITIES',
  'RISK-API-TOKEN-MOUNTED',
  'RISK-PRIVILEGED-POD-SECURITY',
  'LP-GRANULAR-CONTEXTS',
]
const HARDENING = [
  'RISK-PRIVILEGED-POD-SECURITY',
  'RISK-NO-ADMISSION-POLICY',
  'RISK-SWARM-IGNORED-OPTIONS',
  'RISK-OS-GENERAL-PURPOSE',
]
const VULNERABILITIES = [
  'RISK-IMAGE-UNPINNED',
  'RISK-NO-IMAGE-VERIFICATION',
  'RISK-RUNTIME-CVES',
  'RISK-ARCHIVED-PLUGIN',
]
const LOGGING = ['RISK-AUDIT-OFF', 'RISK-NO-RUNTIME-DETECTION', 'RISK-MONITOR-UNREACHABLE']
const TRANSIT = [
  'RISK-COMPLIANCE-TRANSIT-ENCRYPTION',
  'RISK-WINDOWS-OVERLAY-UNENCRYPTED',
  'RISK-API-TLS-OFF',
]
const SEGREGATION = [
  'RISK-SHARED-NAMESPACE-TENANTS',
  'RISK-UNTRUSTED-SHARED-KERNEL',
  'ISO-NAMESPACES',
]
const SECRETS = ['RISK-SECRETS-PLAINTEXT']
const ACCESS = ['RISK-NO-ACCESS-CONTROL', 'LP-ACCESS-CONTROL']

export const COMPLIANCE_NOTES: Readonly<Record<Framework, FrameworkNotes>> = {
  'pci-dss': {
    name: 'PCI DSS v4.0',
    reference: 'PCI-DSS-4.0',
    items: [
      {
        control: 'Requirement 1',
        topic: 'Network security controls between the cardholder data environment and the rest',
        rules: [...NETWORK, ...SEGREGATION],
      },
      {
        control: 'Requirement 2',
        topic: 'Secure configurations for all system components',
        rules: HARDENING,
      },
      {
        control: 'Requirement 3',
        topic: 'Protect stored account data (secrets and keys at rest)',
        rules: SECRETS,
      },
      {
        control: 'Requirement 4',
        topic: 'Strong cryptography during transmission',
        rules: TRANSIT,
      },
      {
        control: 'Requirement 6',
        topic: 'Secure systems and software; manage vulnerabilities',
        rules: VULNERABILITIES,
      },
      {
        control: 'Requirement 7',
        topic: 'Restrict access by business need to know',
        rules: [...LEAST_PRIVILEGE, ...ACCESS],
      },
      { control: 'Requirement 10', topic: 'Log and monitor all access', rules: LOGGING },
    ],
  },
  hipaa: {
    name: 'HIPAA Security Rule',
    reference: 'HIPAA-SECURITY-RULE',
    items: [
      {
        control: '164.308(a)(1)(ii)(A)',
        topic: 'Risk analysis (this document’s risk register is an input)',
        rules: [],
      },
      {
        control: '164.312(a)(1)',
        topic: 'Access control',
        rules: [...LEAST_PRIVILEGE, ...ACCESS, ...SEGREGATION],
      },
      { control: '164.312(b)', topic: 'Audit controls', rules: LOGGING },
      { control: '164.312(c)(1)', topic: 'Integrity', rules: [...HARDENING, ...VULNERABILITIES] },
      { control: '164.312(e)(1)', topic: 'Transmission security', rules: [...TRANSIT, ...NETWORK] },
    ],
  },
  soc2: {
    name: 'SOC 2 (Trust Services Criteria)',
    reference: 'SOC2-TSC',
    items: [
      {
        control: 'CC6.1',
        topic: 'Logical access security',
        rules: [...LEAST_PRIVILEGE, ...ACCESS, ...SECRETS],
      },
      {
        control: 'CC6.6',
        topic: 'Boundary protection against threats from outside',
        rules: [...NETWORK, ...TRANSIT],
      },
      {
        control: 'CC6.8',
        topic: 'Prevent or detect unauthorised or malicious software',
        rules: [...VULNERABILITIES, 'RISK-NO-RUNTIME-DETECTION'],
      },
      { control: 'CC7.2', topic: 'Monitor system components for anomalies', rules: LOGGING },
      {
        control: 'CC8.1',
        topic: 'Change management (admission policy enforces the approved posture)',
        rules: ['RISK-NO-ADMISSION-POLICY'],
      },
    ],
  },
  fedramp: {
    name: 'FedRAMP Moderate (NIST SP 800-53 Rev. 5)',
    reference: 'FEDRAMP-MODERATE',
    items: [
      { control: 'AC-6', topic: 'Least privilege', rules: [...LEAST_PRIVILEGE, ...ACCESS] },
      { control: 'SC-7', topic: 'Boundary protection', rules: [...NETWORK, ...SEGREGATION] },
      { control: 'SC-8', topic: 'Transmission confidentiality and integrity', rules: TRANSIT },
      { control: 'CM-7', topic: 'Least functionality', rules: [...HARDENING, 'RISK-MANY-PLUGINS'] },
      { control: 'AU-2', topic: 'Event logging', rules: LOGGING },
      {
        control: 'SI-4',
        topic: 'System monitoring',
        rules: ['RISK-NO-RUNTIME-DETECTION', 'RISK-MONITOR-UNREACHABLE'],
      },
      { control: 'RA-5', topic: 'Vulnerability monitoring and scanning', rules: VULNERABILITIES },
    ],
  },
}
