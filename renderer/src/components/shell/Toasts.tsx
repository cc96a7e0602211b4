import { useActivity } from '../../stores/activity.js';

/**
 * Messages in the corner, at most three: each leaves by itself (errors and reports stay
 * longer), holds while hovered or focused, and has a close button.
 */
export function Toasts() {
  const toasts = useActivity((s) => s.toasts);
  const { dismiss, hold, release } = useActivity.getState();
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: its role is status or alert; hover and focus only hold its clock
        <div
          key={t.id}
          className={`toast ${t.tone}`}
          role={t.tone === 'error' ? 'alert' : 'status'}
          data-toast={t.tone}
          onMouseEnter={() => hold(t.id)}
          onMouseLeave={() => release(t.id)}
          onFocus={() => hold(t.id)}
          onBlur={() => release(t.id)}
        >
          <div className="toast-head">
            <span className="toast-title">{t.title}</span>
            {t.action && (
              <button
                type="button"
                className="button small toast-action"
                onClick={() => {
                  dismiss(t.id);
                  t.action?.run();
                }}
              >
                {t.action.label}
              </button>
            )}
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
