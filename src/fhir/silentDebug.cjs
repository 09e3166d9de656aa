/**
 * Stands in for the `debug` package inside fhirclient in the browser build (vite.config.ts aliases it here).
 * fhirclient logs through `debug`, which writes to the console whenever localStorage.debug names its namespace, and
 * what it logs includes request URLs and token responses; this app writes no patient data or token to any log, so
 * this logger never writes. It also takes 2 kB (gzip) out of the script loaded before the first render. CommonJS,
 * because fhirclient calls `require("debug")(namespace)`. Only what fhirclient uses is provided.
 */
'use strict';

/** @param {string} namespace */
function createDebug(namespace) {
  const log = () => undefined;
  log.namespace = namespace;
  log.enabled = false;
  /** @param {string} sub */
  log.extend = (sub) => createDebug(`${namespace}:${sub}`);
  return log;
}
createDebug.enable = () => undefined;
createDebug.disable = () => '';
createDebug.enabled = () => false;

module.exports = createDebug;
