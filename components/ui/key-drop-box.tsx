"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClasses } from "@/components/ui/field";

/**
 * A labelled box for key text: paste it, drop its file on the box, or (with `chooseFile`) pick
 * the file. A file over `maxBytes` is not read: `onTooLarge` says so instead. Without a `name`
 * the text is never part of a form submission (a private key that must stay in the page).
 */
export function KeyDropBox({
  label,
  name,
  value,
  onText,
  maxBytes,
  onTooLarge,
  invalid,
  placeholder,
  rows,
  testId,
  chooseFile,
}: {
  label: string;
  name?: string;
  value: string;
  onText: (text: string) => void;
  maxBytes: number;
  onTooLarge: (bytes: number) => void;
  invalid: boolean;
  placeholder: string;
  rows: number;
  testId?: string;
  /** Offer a file picker too: the file types it accepts, its accessible name and the types as shown. */
  chooseFile?: { accept: string; label: string; types: string };
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > maxBytes) return onTooLarge(file.size);
    onText(await file.text());
  };

  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        data-testid={testId}
        rows={rows}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => onText(e.target.value)}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void readFile(e.dataTransfer.files[0]);
        }}
        aria-invalid={invalid}
        placeholder={placeholder}
        className={cn(inputClasses, "font-mono text-xs leading-5", dragging && "bg-indigo-50 ring-2 ring-indigo-600")}
      />
      {chooseFile ? (
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <span>or drop a file on the box, or</span>
          <Button size="sm" variant="secondary" onClick={() => fileInput.current?.click()}>
            Choose a file…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept={chooseFile.accept}
            className="sr-only"
            aria-label={chooseFile.label}
            onChange={(e) => {
              void readFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <span>{chooseFile.types}</span>
        </div>
      ) : null}
    </>
  );
}
