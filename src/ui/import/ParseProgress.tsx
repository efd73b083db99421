// Progress of a parse: per file while files are read, then indeterminate while the core parses
// and joins; a Cancel button stops the worker.
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { ImportProgress as Progress } from '../../io/worker/protocol';

interface Props {
  progress: Progress | null;
  where: 'worker' | 'main';
  lang: Lang;
  onCancel(): void;
  compact?: boolean;
}

export function ParseProgress({ progress, where, lang, onCancel, compact = false }: Props) {
  const reading = progress?.phase === 'reading' && progress.done < progress.total ? progress : null;
  const label = reading
    ? t(lang, 'importui.progress.reading', { n: reading.done + 1, total: reading.total, path: reading.path })
    : t(lang, 'importui.progress.parsing');
  return (
    <div className={compact ? 'parse-progress compact' : 'parse-progress'} role="status" data-testid="parse-progress">
      <label>
        <span className={compact ? 'sr-only' : undefined}>{label}</span>
        {reading ? <progress max={reading.total} value={reading.done} /> : <progress />}
      </label>
      {!compact && where === 'main' && <p className="small muted">{t(lang, 'importui.progress.mainThread')}</p>}
      <button type="button" data-testid="import-cancel" onClick={onCancel}>
        {t(lang, 'importui.cancel')}
      </button>
    </div>
  );
}
