/** Words of the coagulation panel and the lab and monitoring reason codes. Keys `labs.*`, `coag.*`, `reason.<code>`. */
export const labsEn = {
} as const;
