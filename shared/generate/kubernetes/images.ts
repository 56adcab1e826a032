// Image reference helpers: is an image pinned to a version?

/** True when the image names a digest, or a tag other than `latest`. */
export function isImagePinned(image: string): boolean {
  const [name = '', digest] = image.split('@')
  if (digest !== undefined) return true
  const colon = name.lastIndexOf(':')
  // A colon before the last '/' belongs to a registry port, not a tag.
  if (colon <= name.lastIndexOf('/')) return false
  return name.slice(colon + 1) !== 'latest'
}
