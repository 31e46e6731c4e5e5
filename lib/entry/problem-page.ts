import { escapeHtml } from "@/lib/escape-html";
import { explainFailure, type ReasonFailure } from "@/lib/tokens/reasons";

/**
 * The attendee's refusal page, rendered as one small HTML document straight from the entry (no
 * React render, no stylesheet request): a refused token is answered as fast as a sign-in, which
 * matters when a wave of stale links arrives at the start of an event. Everything interpolated is
 * escaped; the look follows the attendee pages (components/attendee/attendee-shell.tsx), dark mode
 * included (app/globals.css turns the palette over; this page has its own few colours).
 */
export interface ProblemPageEvent {
  name: string;
  contact: string;
}

const STYLE = `*{box-sizing:border-box}body{margin:0;min-height:100vh;background:#f1f5f9;color:#0f172a;font-family:ui-sans-serif,system-ui,sans-serif,"Apple Color Emoji","Segoe UI Emoji";line-height:1.5}
header{background:#fff;border-bottom:1px solid #e2e8f0}header div{max-width:56rem;margin:0 auto;height:3.5rem;display:flex;align-items:center;padding:0 1rem;font-size:.875rem;font-weight:600}
main{max-width:36rem;margin:0 auto;padding:2.5rem 1rem}.card{background:#fff;border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 2px rgb(0 0 0/.05);outline:1px solid #e2e8f0}
.card>*+*{margin-top:1rem}.label{font-size:.75rem;font-weight:600;letter-spacing:.025em;text-transform:uppercase;color:#b91c1c;margin:0}
h1{font-size:1.25rem;font-weight:600;margin:0}p{margin:0}.explanation{color:#1e293b}.action{color:#334155}.contact{font-size:.875rem;color:#334155}
a{color:#4338ca;font-weight:500;text-underline-offset:2px;text-decoration:none}a:hover{text-decoration:underline}
.code{border-top:1px solid #f1f5f9;padding-top:.75rem;font-size:.75rem;color:#64748b}code{background:#f1f5f9;border-radius:.25rem;padding:0 .25rem;font-family:ui-monospace,monospace;color:#334155}
:root{color-scheme:light dark}@media (prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}header,.card{background:#0f172a}header{border-color:#1e293b}.card{outline-color:#1e293b}
.label{color:#fca5a5}.explanation{color:#e2e8f0}.action,.contact{color:#cbd5e1}a{color:#a5b4fc}.code{border-color:#1e293b;color:#94a3b8}code{background:#1e293b;color:#cbd5e1}}`;

function contactLine(contact: string): string {
  if (!contact) return "";
  const href = contact.startsWith("https://") ? contact : `mailto:${contact}`;
  return `<p class="contact">Need help? Contact the organizer: <a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(contact)}</a></p>`;
}

export function renderProblemPage(failure: ReasonFailure, event: ProblemPageEvent | null, now: Date): string {
  const explained = explainFailure(failure, now);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Sign-in problem · Event sign-in</title><style>${STYLE}</style></head><body>
<header><div>${escapeHtml(event?.name ?? "Event sign-in")}</div></header>
<main><div class="card" role="alert" aria-live="polite">
<p class="label">Could not sign you in</p>
<h1>${escapeHtml(explained.title)}</h1>
<p class="explanation" data-testid="problem-explanation">${escapeHtml(explained.explanation)}</p>
<p class="action">${escapeHtml(explained.action)}</p>
${event ? contactLine(event.contact) : ""}
<p class="code">Reason code for the organizer: <code data-testid="reason-code">${escapeHtml(explained.code)}</code></p>
</div></main></body></html>`;
}
