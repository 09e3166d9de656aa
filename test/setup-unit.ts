// Every word of the catalogue registered, as the app has it once its catalogue chunk has arrived.
import '../src/ui/messages/catalogue';
import fc from 'fast-check';

// Property tests: CI runs are reproducible (one fixed seed), local runs explore new random inputs every time.
// A local failure prints its seed and counterexample; fix the code, then add the case as a named test.
if (process.env.CI) fc.configureGlobal({ seed: 20261125 });
