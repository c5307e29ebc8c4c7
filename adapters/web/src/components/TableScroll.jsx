// A wide table's own scrolling box, so the page never scrolls sideways on a phone. Focusable
// and named, so keyboard users can scroll it too.
export function TableScroll({ label, children }) {
  return <div class="table-scroll" tabIndex={0} role="region" aria-label={label}>{children}</div>;
}
