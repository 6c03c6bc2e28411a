import cliProgress from 'cli-progress';

/** A progress bar that appears only when the work has run for a second and stderr is a terminal; a total of 0 means unknown (a running count). */
export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

export function createProgress(total: number, unit: string): Progress {
  const started = Date.now();
  let done = 0;
  let bar: cliProgress.SingleBar | null = null;
  const interactive = process.stderr.isTTY === true;
  return {
    tick(label) {
      done++;
      if (!interactive) return;
      if (!bar && Date.now() - started > 1000) {
        bar = new cliProgress.SingleBar({
          stream: process.stderr,
          format: total > 0 ? `{bar} {value}/{total} ${unit} | {rate}/s | {label}` : `{value} ${unit} | {rate}/s | {label}`,
          hideCursor: true,
        }, cliProgress.Presets.shades_classic);
        bar.start(total, done, { label: '', rate: '0' });
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar?.update(done, { label: (label ?? '').slice(0, 40), rate: (done / seconds).toFixed(1) });
    },
    stop() {
      bar?.stop();
    },
  };
}
