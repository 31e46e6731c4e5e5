/** The response headers of a CSV download named `filename`. */
export function csvHeaders(filename: string): Record<string, string> {
  return { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" };
}

/** Whether a request asks for CSV rather than JSON (`Accept: text/csv`). */
export function wantsCsv(request: Request): boolean {
  return (request.headers.get("accept") ?? "").toLowerCase().includes("text/csv");
}
