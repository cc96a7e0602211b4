import { useActivity } from '../../stores/activity.js';

/** Messages in the corner: confirmations fade, errors and import reports stay until dismissed. */
export function Toasts() {
  const toasts = useActivity((s) => s.toasts);
  const dismiss = useActivity((s) => s.dismiss);
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
          <div className="toast-head">
            <span className="toast-title">{t.title}</span>
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss notification"
              onClick={() => dismiss(t.id)}
            >
              ×
            </button>
          </div>
          {t.details && t.details.length > 0 && (
            <ul className="toast-details">
              {t.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
