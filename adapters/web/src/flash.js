// A confirmation that outlives a navigation: set before moving to a screen, taken once by it.
// Kept as a function so it is worded in whatever language is chosen when shown.
let pending = null;

export function flash(message) { pending = message; }

export function takeFlash() {
  const message = pending;
  pending = null;
  return message;
}
