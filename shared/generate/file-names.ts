// File names made from design names. DNS labels are safe path segments on POSIX, but Windows reserves
// device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9) in any case and with any extension: writing
// `nul.yaml` there writes to the null device, and `con.json` cannot be created. Such a name gets a
// trailing `_`, which no DNS label has, so the file is an ordinary file everywhere and never collides.

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i

/** True when a path segment would name a Windows device (its part before the first dot is reserved). */
export function isWindowsDeviceName(segment: string): boolean {
  return WINDOWS_DEVICE.test(segment.split('.')[0] ?? '')
}

/** The file-name stem for a design name (a workload, namespace or design name). */
export function fileStem(name: string): string {
  return isWindowsDeviceName(name) ? `${name}_` : name
}
