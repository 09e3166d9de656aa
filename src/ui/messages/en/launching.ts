/** The app page's first render, before the launch completes (src/ui/app/screens.tsx LaunchingScreen). Kept apart
 * from `screens.ts` so the first render carries only these words (bootCatalogue.ts). Keys `launching.*`. */
export const launchingEn = {
  'launching.title': 'LMWH Monitor',
  'launching.connecting': 'Connecting to the EHR…',
} as const;
