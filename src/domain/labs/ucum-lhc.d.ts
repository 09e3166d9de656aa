/** Minimal local types for @lhncbc/ucum-lhc 7.1.10 (the package ships none). Only what labs/ucum.ts uses. */
declare module '@lhncbc/ucum-lhc' {
  export interface UcumValidateResult {
    status: 'valid' | 'invalid' | 'error';
    ucumCode: string | null;
    msg?: string[];
  }
  export interface UcumConvertResult {
    status: 'succeeded' | 'failed' | 'error';
    toVal: number | null;
    msg: string[];
  }
  export interface UcumLhcUtilsInstance {
    validateUnitString(unit: string, suggest?: boolean): UcumValidateResult;
    convertUnitTo(fromUnit: string, fromVal: number, toUnit: string): UcumConvertResult;
  }
  export const UcumLhcUtils: { getInstance(): UcumLhcUtilsInstance };
  const pkg: { UcumLhcUtils: { getInstance(): UcumLhcUtilsInstance } };
  export default pkg;
}
