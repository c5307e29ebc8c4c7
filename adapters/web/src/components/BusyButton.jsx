// A submit button that says what it is doing while the request runs, and cannot be pressed twice.
export function BusyButton({ busy, busyLabel, children, kind = 'primary', type = 'submit', ...rest }) {
  return (
    <button type={type} class={`button button-${kind}`} disabled={busy} aria-busy={busy ? 'true' : undefined} {...rest}>
      {busy ? busyLabel : children}
    </button>
  );
}
