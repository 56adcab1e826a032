// How controls cite the catalogues they satisfy, spelled one way everywhere.

/** A section of NIST SP 800-190 (Application Container Security Guide), e.g. `4.4.3`. */
export function nist(section: string): string {
  return `NIST SP 800-190 ${section}`
}

/** A recommendation of the CIS Docker Benchmark v1.6.0 (its numbering differs from older versions). */
export function cisDocker(item: string): string {
  return `CIS Docker Benchmark v1.6.0 ${item}`
}
