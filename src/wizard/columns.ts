/**
 * The tabular column format: reading a pasted CSV header into columns.
 */
import type { ColumnType } from '../api/types';

/** One row of the column format editor. */
export interface IColumnRow {
  name: string;
  type: ColumnType;
}

/**
 * The column names of a CSV header line: comma-separated (tab-separated when
 * the line holds tabs but no comma), double quotes honoured (`""` is a
 * quote), names trimmed, a byte-order mark and empty names dropped.
 */
export function parseCsvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const delimiter = !line.includes(',') && line.includes('\t') ? '\t' : ',';
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (char === delimiter) {
      names.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  names.push(current);
  return names.map(name => name.trim()).filter(name => name !== '');
}

/**
 * Columns for a pasted header: one per name (repeats dropped), keeping the
 * type of a column that already had that name, else `fallbackType`.
 */
export function columnsFromHeader(
  header: string,
  existing: readonly IColumnRow[],
  fallbackType: ColumnType = 'numeric'
): IColumnRow[] {
  const types = new Map(existing.map(column => [column.name, column.type]));
  const names = [...new Set(parseCsvHeader(header))];
  return names.map(name => ({ name, type: types.get(name) ?? fallbackType }));
}
