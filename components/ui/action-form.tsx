import type { ComponentProps } from "react";

/**
 * A form the page submits itself (a server action, a client-side check): the browser's own
 * validation bubbles and its navigation stay off, and `onSubmit` gets the form element.
 */
export function ActionForm({ onSubmit, ...props }: Omit<ComponentProps<"form">, "onSubmit" | "noValidate"> & { onSubmit: (form: HTMLFormElement) => void }) {
  return (
    <form
      noValidate
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(e.currentTarget);
      }}
    />
  );
}
