// Owns reading header fields as raw ASCII bytes: case-insensitive name matches, decimal and hex digits,
// so response heads are understood without being decoded to strings.

export function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

export function digitAt(data: Buffer, index: number): number {
  const byte = data[index] ?? 0;
  return byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : Number.NaN;
}

export function skipSpaces(data: Buffer, from: number, end: number): number {
  let index = from;
  while (index < end && (data[index] === 0x20 || data[index] === 0x09)) index++;
  return index;
}

export function parseDecimal(data: Buffer, start: number, end: number): number {
  let stop = end;
  while (stop > start && (data[stop - 1] === 0x20 || data[stop - 1] === 0x09)) stop--;
  if (stop === start || stop - start > 15) return -1;
  let value = 0;
  for (let index = start; index < stop; index++) {
    const digit = digitAt(data, index);
    if (Number.isNaN(digit)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// OR-ing 0x20 lowercases ASCII letters and leaves '-' and digits alone, which is all header names here hold.
export function matchesLowercase(data: Buffer, start: number, lowercase: Buffer): boolean {
  for (let index = 0; index < lowercase.length; index++) {
    if (((data[start + index] ?? 0) | 0x20) !== lowercase[index]) return false;
  }
  return true;
}

export function containsLowercase(data: Buffer, start: number, end: number, lowercase: Buffer): boolean {
  for (let index = start; index + lowercase.length <= end; index++) {
    if (matchesLowercase(data, index, lowercase)) return true;
  }
  return false;
}

export function endsWithLowercase(data: Buffer, start: number, end: number, lowercase: Buffer): boolean {
  let stop = end;
  while (stop > start && (data[stop - 1] === 0x20 || data[stop - 1] === 0x09)) stop--;
  return stop - start >= lowercase.length && matchesLowercase(data, stop - lowercase.length, lowercase);
}
