/** Timeline chart data: D-dimer points, LMWH lane, events and reference bands, all on one x scale. */
export * from './chartData';
export * from './referenceBands';
export * from './timelineWindow';
export * from './valueScale';
