// Message filters shared by the search form (validation before a search starts) and the server
// (compiled predicates). The JavaScript filter is checked by the server's sandbox, not here.
import type { FilterSyntaxError } from "@/lib/messages/events";
import type { MessageQuery } from "@/lib/schemas/messages";
import { compileStructuredFilter } from "./structured";

export { evaluateJsonPath, parseJsonPath, type JsonPathExpression, type JsonPathParse } from "./json-path";
export {
  compileStructuredFilter,
  NOT_JSON,
  portableByteTools,
  RecordView,
  type BytesRecord,
  type ByteTools,
  type StructuredCompile,
  type StructuredFilter,
  type TextRequirement,
} from "./structured";

/** Every syntax error in the query's regular expressions and JSON path (empty when all are valid). */
export function validateMessageFilters(query: MessageQuery): FilterSyntaxError[] {
  const compiled = compileStructuredFilter(query);
  return compiled.ok ? [] : compiled.errors;
}
