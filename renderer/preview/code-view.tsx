// A read-only, highlighted view of one generated file (loaded lazily with the highlighter).
import { useMemo } from 'react'
import { highlight } from './highlight'

/** The file's text with syntax colours and line numbers in the gutter. */
export default function CodeView({
  path,
  content,
}: {
  readonly path: string
  readonly content: string
}) {
  const html = useMemo(() => highlight(path, content), [path, content])
  const lines = useMemo(() => content.split('\n').length, [content])
  return (
    <div className="code-view" data-testid="code-view">
      <pre className="code-gutter" aria-hidden="true">
        {Array.from({ length: Math.min(lines, 20000) }, (_, i) => i + 1).join('\n')}
      </pre>
      {html === undefined ? (
        <pre className="code-text" tabIndex={0} aria-label={`Contents of ${path}`}>
          <code>{content}</code>
        </pre>
      ) : (
        <pre className="code-text" tabIndex={0} aria-label={`Contents of ${path}`}>
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        </pre>
      )}
    </div>
  )
}
