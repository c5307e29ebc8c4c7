// A Chart.js chart on a canvas that is an image with a text label (the figures are also in a
// table next to it). Chart.js is loaded with the first chart (chartSetup.js).
import { useEffect, useRef } from 'preact/hooks';

let chartJs;
function loadChartJs() {
  chartJs = chartJs || import('./chartSetup.js');
  return chartJs;
}

export function ChartCanvas({ config, label, tall }) {
  const canvas = useRef(null);
  useEffect(() => {
    let chart;
    let gone = false;
    loadChartJs().then(({ Chart }) => {
      if (!gone) chart = new Chart(canvas.current, { ...config, options: { responsive: true, maintainAspectRatio: false, ...config.options } });
    });
    return () => {
      gone = true;
      if (chart) chart.destroy();
    };
  }, [config]);
  return (
    <div class={`chart${tall ? ' chart-tall' : ''}`}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
