"use client";

import { useEffect, useId, useRef } from "react";

/**
 * A native modal <dialog>: the browser traps focus and closes on Escape; we move focus in on open
 * (to [data-autofocus] or the first field) and give it back to whatever opened the dialog on close.
 */
export function Modal({
  title,
  description,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  description?: string;
  onClose: () => void;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const target =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>("input, select, textarea, button:not(.modal__close)");
    target?.focus();
    const handleClose = () => onCloseRef.current();
    dialog.addEventListener("close", handleClose);
    return () => {
      dialog.removeEventListener("close", handleClose);
      if (dialog.open) dialog.close();
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`modal${wide ? " modal--wide" : ""}`} aria-labelledby={titleId}>
      <div className="modal__header">
        <div>
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          {description ? <p className="modal__description">{description}</p> : null}
        </div>
        <button type="button" className="modal__close" aria-label="Close" onClick={() => ref.current?.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}

/** A dialog's buttons, after the space where its error is announced (empty, and hidden, until there is one). */
export function DialogActions({
  error,
  wrap = false,
  children,
}: {
  error: string | null;
  wrap?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={`dialog-actions${wrap ? " dialog-actions--wrap" : ""}`}>
      <div role="alert" className="dialog-actions__error">
        {error ? <p className="alert alert--error">{error}</p> : null}
      </div>
      {children}
    </div>
  );
}
