// The app's confirmations: unsaved changes, overwrite, close, crash recovery, about, open errors.
import { formatDesignError } from '../../shared/model/errors'
import { assertNever } from '../../shared/util/assert-never'
import { useApp, useAppShallow } from '../app/app-store'
import { Modal } from '../components/modal'
import { timeOf } from '../lib/format'

/** Whichever dialog the store has open. */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog)
  const a = useAppShallow((s) => ({
    closeDialog: s.closeDialog,
    discardAndContinue: s.discardAndContinue,
    save: s.save,
    saveAs: s.saveAs,
    answerClose: s.answerClose,
    restoreRecovery: s.restoreRecovery,
    discardRecovery: s.discardRecovery,
  }))
  if (!dialog) return <OpenFailureDialog />
  switch (dialog.kind) {
    case 'discard':
      return (
        <Modal
          title="Discard unsaved changes?"
          onClose={a.closeDialog}
          testId="discard-dialog"
          actions={
            <>
              <button type="button" className="button" onClick={a.closeDialog}>
                Keep editing
              </button>
              <button type="button" className="button danger" onClick={a.discardAndContinue}>
                Discard changes
              </button>
            </>
          }
        >
          <p>This design has changes that are not saved. They will be lost.</p>
        </Modal>
      )
    case 'overwrite':
      return (
        <Modal
          title="The file changed on disk"
          onClose={a.closeDialog}
          actions={
            <>
              <button type="button" className="button" onClick={a.closeDialog}>
                Cancel
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  a.closeDialog()
                  void a.saveAs()
                }}
              >
                Save As…
              </button>
              <button
                type="button"
                className="button danger"
                onClick={() => {
                  a.closeDialog()
                  void a.save(true)
                }}
              >
                Overwrite
              </button>
            </>
          }
        >
          <p>
            {dialog.path} was changed by another program since you opened it. Overwriting replaces
            those changes with this design.
          </p>
        </Modal>
      )
    case 'close':
      return (
        <Modal
          title="Save changes before closing?"
          onClose={() => void a.answerClose('cancel')}
          testId="close-dialog"
          actions={
            <>
              <button type="button" className="button" onClick={() => void a.answerClose('cancel')}>
                Cancel
              </button>
              <button
                type="button"
                className="button danger"
                onClick={() => void a.answerClose('discard')}
              >
                Don’t save
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => void a.answerClose('save')}
              >
                Save
              </button>
            </>
          }
        >
          <p>Your changes to this design will be lost if you don’t save them.</p>
        </Modal>
      )
    case 'recovery':
      return (
        <Modal
          title="Recover unsaved work?"
          onClose={() => void a.discardRecovery()}
          testId="recovery-dialog"
          actions={
            <>
              <button type="button" className="button" onClick={() => void a.discardRecovery()}>
                Discard it
              </button>
              <button type="button" className="button primary" onClick={a.restoreRecovery}>
                Restore
              </button>
            </>
          }
        >
          <p>
            Stackwright kept a copy of a design you had not saved
            {dialog.entry.path ? ` (${dialog.entry.path})` : ''}, autosaved at{' '}
            {timeOf(dialog.entry.savedAt)}.
          </p>
        </Modal>
      )
    case 'about':
      return (
        <Modal
          title="About Stackwright"
          onClose={a.closeDialog}
          actions={
            <button type="button" className="button primary" onClick={a.closeDialog}>
              Close
            </button>
          }
        >
          <p>
            Stackwright helps you design a secure container platform: it scores orchestrator,
            runtime, host OS, plugins and isolation with reasons you can trace to their sources, and
            exports a design document and least-privilege starter manifests.
          </p>
        </Modal>
      )
    default:
      return assertNever(dialog)
  }
}

/** Why a file did not open, with line and column; the design in memory is untouched. */
function OpenFailureDialog() {
  const failure = useApp((s) => s.openFailure)
  const dismiss = useApp((s) => s.dismissOpenFailure)
  if (!failure) return null
  return (
    <Modal
      title={
        failure.opened
          ? `${failure.fileName} opened with problems`
          : `${failure.fileName} could not be opened`
      }
      onClose={dismiss}
      wide
      testId="open-error-dialog"
      actions={
        <button type="button" className="button primary" onClick={dismiss}>
          OK
        </button>
      }
    >
      {failure.opened ? (
        <p>
          The design is open as written. Fix these problems in the editor (each is marked on its
          field); until then the design is not buildable and Export says so:
        </p>
      ) : (
        <p>Your current design is unchanged. Fix these problems in the file and open it again:</p>
      )}
      <ul className="error-list">
        {failure.errors.map((e, i) => (
          <li key={i}>
            {e.line !== undefined ? (
              <span className="error-location">
                Line {e.line}
                {e.column !== undefined ? `, column ${e.column}` : ''}
              </span>
            ) : null}
            {e.path ? <code className="error-path">{e.path}</code> : null}
            <span className="error-message">
              {e.message}
              {e.hint ? ` (${e.hint})` : ''}
            </span>
            <span className="sr-only">{formatDesignError(e, failure.fileName)}</span>
          </li>
        ))}
      </ul>
    </Modal>
  )
}
