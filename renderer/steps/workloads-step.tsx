// Workloads: the list, the editor for the selected one, the allowed flows and the live diagram.
import { useApp } from '../app/app-store'
import { ArchitectureDiagram } from '../components/diagram'
import { EndpointsEditor } from './workloads/endpoints-editor'
import { FlowList } from './workloads/flow-list'
import { WorkloadEditor } from './workloads/workload-editor'
import { WorkloadList } from './workloads/workload-list'

/** The Workloads step. */
export function WorkloadsStep() {
  const count = useApp((s) => s.design.workloads.length)
  const selected = useApp((s) => s.selectedWorkload)
  const addWorkload = useApp((s) => s.addWorkload)
  const current = selected !== null && selected < count ? selected : null

  return (
    <>
      <div className="workloads-layout">
        <section className="card workload-list-card" aria-labelledby="workloads-heading">
          <header className="list-header">
            <h2 id="workloads-heading">
              Workloads <span className="count">{count}</span>
            </h2>
            <button
              type="button"
              className="button primary"
              onClick={addWorkload}
              data-testid="add-workload"
            >
              + Add workload
            </button>
          </header>
          {count === 0 ? (
            <p className="muted empty">
              No workloads yet. Add the services that will run, then say who talks to whom.
            </p>
          ) : (
            <WorkloadList />
          )}
        </section>
        {current !== null ? (
          <WorkloadEditor index={current} />
        ) : (
          <section className="card editor-empty">
            <p className="muted">
              {count === 0
                ? 'Your first workload will open here.'
                : 'Select a workload to edit it.'}
            </p>
          </section>
        )}
      </div>
      <EndpointsEditor />
      <FlowList />
      {count > 0 ? (
        <section className="card" aria-labelledby="flow-diagram-heading">
          <h2 id="flow-diagram-heading">Diagram</h2>
          <ArchitectureDiagram label="Architecture diagram: workloads, where they run and the allowed flows" />
        </section>
      ) : null}
    </>
  )
}
