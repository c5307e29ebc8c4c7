// A confirmation after an action ("Signed. The document moved to …"). It takes focus so the
// person hears and sees what happened, since the form they used is usually gone.
import { useEffect, useRef } from 'preact/hooks';

export function Notice({ text }) {
  const ref = useRef(null);
  useEffect(() => { if (text) ref.current?.focus(); }, [text]);
  if (!text) return null;
  return <p ref={ref} tabIndex={-1} class="notice" role="status">{text}</p>;
}
