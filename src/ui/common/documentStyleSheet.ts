/**
 * A stylesheet built at run time (e.g. from the patient's name) applied through the CSSOM: a constructed
 * CSSStyleSheet in `document.adoptedStyleSheets`. The app's Content-Security-Policy has `style-src 'self'` without
 * 'unsafe-inline', which blocks a `<style>` element but not the CSSOM, so no hash or nonce is needed.
 */
import { useEffect } from 'react';

/** Applies `cssText` to the document while the calling component is mounted (replaced when it changes). */
export function useDocumentStyleSheet(cssText: string): void {
  useEffect(() => {
    // Browsers without constructable stylesheets (and jsdom) get no sheet: it only carries print decoration.
    if (!Array.isArray(document.adoptedStyleSheets) || typeof CSSStyleSheet === 'undefined') return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [cssText]);
}
