// What an import attempt answered: the API's error, problem by problem, or the warnings of a design imported.
import type { ImportDesignState } from "../app/designs/import/actions";
import { designPath, keyedTexts } from "../lib/designs-format";
import { splitImportError } from "../lib/designs-import";

export function ImportOutcome({ state }: { state: ImportDesignState }) {
  if (state.status === "error") {
    const { summary, problems } = splitImportError(state.message);
    return (
      <div className="alert" role="alert" data-testid="import-error">
        <strong>Import failed.</strong> {summary}
        {problems.length > 0 && (
          <ul className="design-problems">
            {keyedTexts(problems).map(({ key, text }) => (
              <li key={key}>{text}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (state.status === "imported") {
    return (
      <div className="alert alert-ok" role="status" data-testid="import-warnings">
        <strong>Imported “{state.name}”</strong> ({state.format}), with {state.warnings.length} warning
        {state.warnings.length === 1 ? "" : "s"}:
        <ul className="design-problems">
          {keyedTexts(state.warnings).map(({ key, text }) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
        <a className="button" href={designPath(state.id)}>
          Open the design
        </a>
      </div>
    );
  }
  return null;
}
