import { stringify } from "csv-stringify/sync";

/**
 * A table as CSV (RFC 4180, one header row, CRLF). Cells a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) get a leading apostrophe: names and labels come from tokens
 * and from other people.
 */
export function toCsv<C extends string>(columns: readonly C[], rows: ReadonlyArray<Record<C, string | number | boolean | null>>): string {
  const guard = (value: string | number | boolean | null) => {
    const text = value === null ? "" : String(value);
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  return stringify(
    rows.map((row) => columns.map((c) => guard(row[c]))),
    // A bare line feed inside a cell is quoted too: with CRLF records csv-stringify would leave it bare, and spreadsheets split the row there.
    { header: true, columns: [...columns], record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}
