"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert
 * (so focus stays inside) and gives Escape for free, without shipping a focus-trap library.
 */
export function Dialog({
  title,
  onClose,
  onKeyDown,
  children,
}: {
  title: string;
  onClose: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Focus goes back to where the annotator was, so the keyboard flow continues.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // React owns whether the dialog is open; Escape only asks the parent to close it.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        <button type="button" className="btn" aria-label="Close" onClick={onClose}>
          Close <span className="kbd">Esc</span>
        </button>
      </div>
      {children}
    </dialog>
  );
}
