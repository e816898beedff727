// The import form's fields turned into the API's import request, and the API's import errors split for display.
import type { DesignSource } from "./designs";

export type ImportForm = { source: DesignSource; filename?: string; name?: string; workspaceId?: string };

/** Under Next's one-megabyte limit on a server action's body, with room for the other fields. */
export const maxFormSourceChars = 950_000;

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** What the user gave, or why it cannot be sent: exactly one source, as the API wants it. */
export function importFormOf(formData: FormData): ImportForm | { error: string } {
  const mode = field(formData, "mode");
  const name = field(formData, "name").trim();
  const workspaceId = field(formData, "workspaceId");
  const filename = field(formData, "filename").trim();
  let source: DesignSource;
  if (mode === "url") {
    const url = field(formData, "url").trim();
    if (!/^https?:\/\//i.test(url)) return { error: "Give an address that starts with http:// or https://" };
    source = { url };
  } else if (mode === "file") {
    const content = field(formData, "content");
    const contentBase64 = field(formData, "contentBase64");
    if (!content && !contentBase64) return { error: "Choose a file to import" };
    source = contentBase64 ? { contentBase64 } : { content };
  } else if (mode === "paste") {
    const content = field(formData, "content");
    if (!content.trim()) return { error: "Paste a design, manifests or a Compose file" };
    source = { content };
  } else {
    return { error: "Pick a way to import: a file, pasted text or a URL" };
  }
  const sent = "url" in source ? "" : "content" in source ? source.content : source.contentBase64;
  if (sent.length > maxFormSourceChars)
    return { error: "That file is over the form's 1 MB limit; import it through the API instead" };
  if (name.length > 255) return { error: "Keep the name to 255 characters" };
  return {
    source,
    ...(mode === "file" && filename ? { filename: filename.slice(0, 255) } : {}),
    ...(name ? { name } : {}),
    ...(workspaceId ? { workspaceId } : {}),
  };
}

/**
 * The API joins an import's problems with "; " after a summary ("The kubernetes-manifests could not be
 * imported: document 2, line 6: …; line 9: …"); a list reads better when there are several.
 */
export function splitImportError(message: string): { summary: string; problems: string[] } {
  const marker = " could not be imported: ";
  const at = message.indexOf(marker);
  if (at < 0) return { summary: message, problems: [] };
  const problems = message
    .slice(at + marker.length)
    .split("; ")
    .map((problem) => problem.trim())
    .filter(Boolean);
  return { summary: `${message.slice(0, at + marker.length - 2)}:`, problems };
}

/** Archives go as base64; everything else is read as text, which is what the importers parse. */
export function isBinaryFileName(filename: string): boolean {
  return /\.(tgz|tar\.gz|tar|gz|zip)$/i.test(filename);
}
