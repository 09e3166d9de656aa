/** The app toolbar's reload control (src/ui/app/App.tsx). Keys `toolbar.*`. */
export const toolbarEn = {
  'toolbar.reading': 'Reading…',
  'toolbar.reloadList': 'Reload list',
} as const;
