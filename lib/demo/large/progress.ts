/** Reports a long loop's progress every 10% (and at the end) with rows per second. */
export function progressReporter(
  label: string,
  total: number,
  report: (message: string) => void,
): (done: number) => void {
  const started = performance.now();
  let nextTenth = 1;
  return (done) => {
    if (done < (total * nextTenth) / 10 && done !== total) return;
    while (nextTenth <= 10 && done >= (total * nextTenth) / 10) nextTenth += 1;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds).toLocaleString('en') : '–';
    const counts = `${done.toLocaleString('en')} / ${total.toLocaleString('en')}`;
    report(`${label}: ${counts} (${Math.round((100 * done) / total)}%, ${seconds.toFixed(1)} s, ${rate} rows/s)`);
  };
}
