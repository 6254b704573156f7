/** A table of text cells, as both pages download it. */
export interface Table {
  columns: string[];
  rows: string[][];
}

/**
 * RFC 4180 CSV: a field with a comma, quote or line break is quoted, quotes doubled; CRLF line ends. Written
 * here rather than taken from a CSV library: writing (not parsing) is these few lines.
 */
export function toCsv(table: Table): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Offers a file to the browser's downloads (a blob: URL, so nothing leaves the page). */
export function downloadFile(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
