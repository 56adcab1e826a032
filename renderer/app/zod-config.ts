// Zod probes `new Function('')` to decide whether it may compile fast parsers. Under our CSP
// (no 'unsafe-eval') that probe is refused and reported as a violation, so tell zod up front.
// Imported first by main.tsx so it runs before any schema is used.
import { z } from 'zod'

z.config({ jitless: true })
