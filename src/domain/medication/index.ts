/** Medication domain: recognition, resolution, orders, recorded doses, dose class and weights. */
export * from './types';
