// Preload: the only file that touches ipcRenderer. Exposes window.stackwright (PlatformApi) through
// contextBridge and nothing else; bundled to one CommonJS file because sandboxed preloads can only
// require 'electron'.
import { contextBridge, ipcRenderer } from 'electron'
import { createPlatformApi } from './api'

contextBridge.exposeInMainWorld('stackwright', createPlatformApi(ipcRenderer))
