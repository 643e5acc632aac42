// What the compliance documents need besides the report: manual verdicts, the ACR's product and vendor, the statement's countries; read from audit options.
import path from 'node:path';
import type { AuditOptionsInput } from '../config/options.js';
import type { ProductInfo } from './acr.js';
import { loadManualVerdicts, type ManualVerdicts } from './verdicts.js';

export interface ComplianceInput {
  verdicts?: ManualVerdicts;
  product?: ProductInfo;
  countries?: string[];
}

/**
 * The compliance inputs of audit options (config file or flags): the verdicts file is read and
 * validated here, so call it before the audit starts: a bad file is one line and exit code 2.
 * A relative verdicts path is taken from `baseDir` (default the working folder).
 */
export function complianceInputFrom(options: Pick<AuditOptionsInput, 'compliance'>, baseDir: string = process.cwd()): ComplianceInput {
  const compliance = options.compliance;
  if (!compliance) return {};
  return {
    ...(compliance.manualVerdicts ? { verdicts: loadManualVerdicts(path.resolve(baseDir, compliance.manualVerdicts)) } : {}),
    ...(compliance.product ? { product: compliance.product } : {}),
    ...(compliance.countries ? { countries: compliance.countries } : {}),
  };
}
