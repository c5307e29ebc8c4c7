// Loads data for a screen: {data, error, loading, reload}. A load that finishes after the
// screen moved on (deps changed, unmounted) is ignored.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => { if (mine === generation.current) setState({ data, error: null, loading: false }); },
      (error) => { if (mine === generation.current) setState({ data: undefined, error, loading: false }); });
  }, deps);
  useEffect(() => {
    run();
    return () => { generation.current++; };
  }, [run]);
  return { ...state, reload: run };
}
