"use client";

import { useId, useState } from "react";
import type { Snippet } from "@/lib/snippets/languages";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/components/ui/cn";

function Command({ label, command }: { label: string; command: string }) {
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
      <span className="w-14 shrink-0 text-slate-500">{label}</span>
      <code className="min-w-0 max-w-full flex-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800">{command}</code>
      <CopyButton value={command} label="Copy" />
    </div>
  );
}

/** One tab per language; the code is complete and filled in for this event, with copy buttons. */
export function SnippetsView({ snippets }: { snippets: Snippet[] }) {
  const [selected, setSelected] = useState(snippets[0]!.language);
  const id = useId();
  const snippet = snippets.find((s) => s.language === selected) ?? snippets[0]!;
  const select = (index: number) => {
    const next = snippets[(index + snippets.length) % snippets.length]!;
    setSelected(next.language);
    document.getElementById(`${id}-tab-${next.language}`)?.focus();
  };
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Language" className="flex flex-wrap gap-1.5">
        {snippets.map((s, index) => (
          <button
            key={s.language}
            id={`${id}-tab-${s.language}`}
            type="button"
            role="tab"
            aria-selected={s.language === snippet.language}
            aria-controls={`${id}-panel`}
            tabIndex={s.language === snippet.language ? 0 : -1}
            onClick={() => setSelected(s.language)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") select(index + 1);
              if (e.key === "ArrowLeft") select(index - 1);
            }}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
              s.language === snippet.language ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${snippet.language}`} className="space-y-3" data-testid={`snippet-${snippet.language}`}>
        <div className="space-y-2">
          <Command label="Install" command={snippet.install} />
          <Command label="Run" command={snippet.run} />
        </div>
        <div className="overflow-hidden rounded-lg ring-1 ring-slate-800">
          <div className="flex items-center justify-between gap-2 bg-slate-800 px-3 py-1.5">
            <span className="truncate font-mono text-xs text-slate-300">{snippet.fileName}</span>
            <CopyButton value={snippet.code} label="Copy code" />
          </div>
          <pre tabIndex={0} className="max-h-[36rem] overflow-auto bg-slate-950 p-4 text-xs leading-5 text-slate-100">
            <code>{snippet.code}</code>
          </pre>
        </div>
      </div>
    </div>
  );
}
