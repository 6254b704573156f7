import { LIMITS } from '../limits';
import type { ImportProblem } from './records';

/**
 * Splits a byte stream into lines of at most `import.maxLineBytes`, each decoded as strict UTF-8. Hand-written
 * because readline and split2 buffer a line whole before anyone sees it (a 10 MB line would be held in memory);
 * here a line past the bound is dropped as it streams and reported once. A byte-order mark is accepted only as the
 * file's first character.
 */
export type LineEvent = { kind: 'line'; line: number; text: string } | { kind: 'problem'; problem: ImportProblem };

const NEWLINE = 0x0a;
const BOM = '\ufeff';

export async function* readLines(file: string, bytes: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, maxLineBytes: number = LIMITS.import.maxLineBytes): AsyncGenerator<LineEvent> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let line = 1;
  const finish = (): LineEvent | null => {
    const number = line;
    line += 1;
    if (tooLong) {
      tooLong = false;
      return { kind: 'problem', problem: { file, line: number, field: '', code: 'LINE_TOO_LONG', message: `is longer than ${maxLineBytes} bytes (the line bound of src/limits.ts import.maxLineBytes).` } };
    }
    const raw = Buffer.concat(parts, length);
    parts = [];
    length = 0;
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      const at = firstInvalidByte(raw);
      return { kind: 'problem', problem: { file, line: number, field: '', code: 'NOT_UTF8', message: `is not valid UTF-8 (byte 0x${raw[at].toString(16).padStart(2, '0')} at byte ${at + 1} of the line).` } };
    }
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (number === 1 && text.startsWith(BOM)) text = text.slice(1);
    const bom = text.indexOf(BOM);
    if (bom >= 0) {
      return { kind: 'problem', problem: { file, line: number, field: '', code: 'MISPLACED_BOM', message: `has a byte-order mark (U+FEFF) at character ${bom + 1}; one is allowed only at the very start of the file.` } };
    }
    return { kind: 'line', line: number, text };
  };
  for await (const chunk of bytes) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let newline = buffer.indexOf(NEWLINE, start); ; newline = buffer.indexOf(NEWLINE, start)) {
      const end = newline < 0 ? buffer.length : newline;
      if (!tooLong) {
        if (length + (end - start) > maxLineBytes) {
          tooLong = true;
          parts = [];
          length = 0;
        } else if (end > start) {
          parts.push(buffer.subarray(start, end));
          length += end - start;
        }
      }
      if (newline < 0) break;
      const event = finish();
      if (event) yield event;
      start = newline + 1;
    }
  }
  if (length > 0 || tooLong) {
    const event = finish();
    if (event) yield event;
  }
}

function firstInvalidByte(raw: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = raw.length;
  // The shortest prefix that fails to decode ends at (or just after) the first bad byte.
  while (low < high) {
    const middle = (low + high) >> 1;
    try {
      decoder.decode(raw.subarray(0, middle + 1), { stream: true });
      decoder.decode();
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  return Math.min(low, raw.length - 1);
}
