// The welcome screen: what Stackwright is for, the example designs, and an empty design.
import { useAppShallow } from '../app/app-store'
import { Modal } from '../components/modal'
import { EXAMPLES } from './examples'

/** The welcome modal; shown on first run and from the top bar's Examples button. */
export default function Welcome() {
  const a = useAppShallow((s) => ({
    close: s.closeWelcome,
    openExample: s.openExample,
    startEmpty: s.startEmptyDesign,
  }))
  return (
    <Modal
      title="Welcome to Stackwright"
      onClose={a.close}
      wide
      testId="welcome-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={a.close}>
            Close
          </button>
          <button type="button" className="button primary" onClick={a.startEmpty}>
            Start an empty design
          </button>
        </>
      }
    >
      <p className="welcome-lead">
        Design a secure container platform step by step: choose the orchestrator, runtime, host OS,
        plugins and isolation, see how each choice moves the score and why, and export a design
        document with least-privilege starter manifests.
      </p>
      <h3 className="welcome-subhead">Start from an example</h3>
      <ul className="example-grid" aria-label="Example designs">
        {EXAMPLES.map((example) => (
          <li key={example.fileName}>
            <button
              type="button"
              className="example-card"
              data-testid={`example-${example.fileName}`}
              onClick={() => a.openExample(example.fileName, example.text)}
            >
              <span className="example-title">{example.title}</span>
              <span className="example-orchestrator">{example.orchestrator}</span>
              <span className="example-description">{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  )
}
