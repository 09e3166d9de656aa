/** Monitoring helpers for the coagulation panel: anti-Xa sample timing and the HIT platelet pattern. */
export * from './antiXaTiming';
export * from './hitPattern';
