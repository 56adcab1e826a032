// The app shell: header, step rail, the current step, the live panel, and the overlays.
import { useEffect, useLayoutEffect } from 'react'
import { LivePanel } from '../panel/live-panel'
import { InspectDialog } from '../panel/inspect-dialog'
import { Onboarding } from '../onboarding/onboarding'
import { Dialogs } from '../shell/dialogs'
import { DropZone } from '../shell/drop-zone'
import { MigrationBanner } from '../shell/migration-banner'
import { NoticeBar } from '../shell/notice-bar'
import { StepRail } from '../shell/step-rail'
import { StepView } from '../shell/step-view'
import { TopBar } from '../shell/top-bar'
import { appStore, useApp } from './app-store'
import { useDark } from './use-dark'

/** The whole app. */
export function App() {
  const booted = useApp((s) => s.booted)
  const dark = useDark()

  useEffect(() => {
    const { connect, boot } = appStore.getState()
    const disconnect = connect()
    void boot()
    return disconnect
  }, [])

  useLayoutEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light'
  }, [dark])

  // Ready once the first evaluation is on screen and startup (recovery check) is done.
  useLayoutEffect(() => {
    if (!booted) return
    document.documentElement.dataset.appState = 'ready'
    performance.mark('app-ready')
  }, [booted])

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the current step
      </a>
      <TopBar dark={dark} />
      <MigrationBanner />
      <div className="workspace">
        <StepRail />
        <StepView />
        <LivePanel />
      </div>
      <InspectDialog />
      <Dialogs />
      <Onboarding />
      <NoticeBar />
      <DropZone />
    </div>
  )
}
