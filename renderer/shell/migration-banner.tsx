// Shown once after opening a design written in an older format: Save writes the current format,
// and this says what that changes. Dismissed by the user, or gone once the design is saved.
import { useApp, useAppShallow } from '../app/app-store'

const short = (apiVersion: string) => apiVersion.split('/').pop() ?? apiVersion

/** The migration notice under the header, when the open design was migrated. */
export function MigrationBanner() {
  const migration = useApp((s) => s.migration)
  const { dismissMigration, setStep } = useAppShallow((s) => ({
    dismissMigration: s.dismissMigration,
    setStep: s.setStep,
  }))
  return (
    <div className="migration-region" role="status">
      {migration ? (
        <div className="migration-banner" data-testid="migration-banner">
          <p>
            <strong>
              {migration.fileName} was written in format {short(migration.from)}; saving writes{' '}
              {short(migration.to)}.
            </strong>{' '}
            What changed: node pools replace the single host OS and runtime, endpoints describe
            traffic in and out, and each workload has an identity and explicit host exceptions.
            Older versions of Stackwright cannot open the saved file.
          </p>
          <div className="migration-actions">
            <button type="button" className="button" onClick={() => setStep('nodes')}>
              Review node pools
            </button>
            <button type="button" className="button subtle" onClick={dismissMigration}>
              Dismiss<span className="sr-only"> the format notice</span>
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
