// The report's JSON Schema: where it lives, and a validator that loads ajv only when asked.
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/package-root.js';

/** Absolute path of schema/report.schema.json in the welcomemat package (works from src/ and dist/src/). */
export const reportSchemaPath: string = path.join(packageRoot, 'schema', 'report.schema.json');

export interface ReportValidation {
  valid: boolean;
  /** One line per problem, such as "/pages/0/status: must be number". */
  errors: string[];
}

/** The shape of an ajv ValidateFunction we use; typed locally so no ajv types leak into ours. */
interface CompiledValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }> | null;
}

let compiled: Promise<CompiledValidator> | undefined;

/**
 * Compiles the schema once. ajv and ajv-formats are dev dependencies, so they are imported
 * only here: library users who never validate do not need them installed.
 */
function compileValidator(): Promise<CompiledValidator> {
  compiled ??= (async () => {
    let modules;
    try {
      modules = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
    } catch (err) {
      throw new Error(
        `welcomemat: validating a report needs the "ajv" and "ajv-formats" packages (npm install ajv ajv-formats): ${(err as Error).message}`,
      );
    }
    // Both packages are CommonJS with `exports.default`; under NodeNext the default import is the module object.
    const [ajvModule, formatsModule] = modules;
    const Ajv2020 = ajvModule.default.default;
    const addFormats = formatsModule.default.default;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const schema = JSON.parse(await fs.promises.readFile(reportSchemaPath, 'utf8')) as object;
    return ajv.compile(schema) as CompiledValidator;
  })();
  // A failed load (ajv missing, broken schema) is not cached, so a later call can retry.
  compiled.catch(() => {
    compiled = undefined;
  });
  return compiled;
}

function describeError(e: NonNullable<CompiledValidator['errors']>[number]): string {
  const where = e.instancePath === '' ? '/' : e.instancePath;
  let detail = '';
  if (e.keyword === 'additionalProperties') detail = ` (${String(e.params['additionalProperty'])})`;
  else if (e.keyword === 'enum') detail = ` (${(e.params['allowedValues'] as unknown[]).map(String).join(', ')})`;
  return `${where}: ${e.message ?? e.keyword}${detail}`;
}

/** Checks a report (e.g. a parsed report.json) against schema/report.schema.json. */
export async function validateReport(report: unknown): Promise<ReportValidation> {
  const validate = await compileValidator();
  if (validate(report)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(describeError) };
}
