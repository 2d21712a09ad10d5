import { z } from 'zod';

// zod probes eval() once to speed up parsing; the CSP forbids eval, so skip the probe (and its
// CSP violation). Its own module, imported first by main.tsx: zod probes when a schema is built,
// and the shared domain modules build schemas as soon as they are imported.
z.config({ jitless: true });
