import type { FilterSyntaxError } from "@/lib/messages/events";
import { syntaxCaret } from "@/lib/messages/query-form";

/** The line of the filter holding the error with a caret under the column, as compilers print it. */
export function SyntaxCaret({ text, error }: { text: string; error: FilterSyntaxError }) {
  const caret = syntaxCaret(text, error);
  if (!caret) return null;
  const where =
    error.line !== undefined && error.column !== undefined
      ? `line ${error.line}, column ${error.column}`
      : `character ${caret.column + 1}`;
  return (
    <div className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid="syntax-caret">
      <pre className="overflow-x-auto rounded bg-red-50 px-2 py-1 font-mono whitespace-pre dark:bg-red-950/50">
        {caret.line}
        {"\n"}
        {" ".repeat(caret.column)}^
      </pre>
      <p className="mt-0.5">At {where}.</p>
    </div>
  );
}
