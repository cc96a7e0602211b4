/**
 * A modal built on <dialog>: the browser traps focus, makes the page inert, closes on Esc
 * and restores focus to where it was. showModal() focuses the first focusable control, which
 * overrides React's autoFocus; a control marked `data-autofocus` gets the focus instead.
 */
import { type ReactNode, useEffect, useRef } from 'react';

interface DialogProps {
  label: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ label, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={`dialog ${className ?? ''}`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => {
        // A press on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
