// Reads the chosen file in the browser: text as it is, archives as base64, refused when over the form's limit.
import { isBinaryFileName, maxFormSourceChars } from "./designs-import";

export type ReadFile = { filename: string } & ({ content: string } | { contentBase64: string });

export async function readFileForImport(file: File): Promise<ReadFile> {
  const binary = isBinaryFileName(file.name);
  // Base64 grows a file by a third; check before reading so a huge file is not pulled into memory.
  const sentSize = binary ? Math.ceil(file.size / 3) * 4 : file.size;
  if (sentSize > maxFormSourceChars)
    throw new Error(`${file.name} is over the form's 1 MB limit; import it through the API instead`);
  if (!binary) return { filename: file.name, content: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return { filename: file.name, contentBase64: btoa(text) };
}
