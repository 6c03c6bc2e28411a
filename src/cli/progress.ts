import cliProgress from 'cli-progress';

/** A progress bar that appears only when the work has run for a second and stderr is a terminal. */
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
          format: `{bar} {value}/{total} ${unit} | {rate}/s | {label}`,
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
