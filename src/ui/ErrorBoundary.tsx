// One panel's failure stays in that panel: the rest of the app keeps working, the error is
// shown (as text) with a way to try again. Wrap each panel:
//   <ErrorBoundary name={t(lang, 'nav.map')} lang={lang}>…</ErrorBoundary>
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../core/i18n';
import type { Lang } from '../core/keys';

interface Props {
  /** The panel's name, shown in the message. */
  name: string;
  lang: Lang;
  children: ReactNode;
  /** Called once per error (e.g. to log it). */
  onError?: (error: Error, info: ErrorInfo) => void;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  private readonly retry = () => this.setState({ error: null });

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { lang, name } = this.props;
    return (
      <div className="panel-error" role="alert" data-testid="panel-error">
        <p>
          <strong>{t(lang, 'importui.boundary.title', { panel: name })}</strong>
        </p>
        <p className="small">{t(lang, 'importui.boundary.detail', { message: error.message.slice(0, 300) })}</p>
        <button type="button" onClick={this.retry}>
          {t(lang, 'importui.boundary.retry')}
        </button>
      </div>
    );
  }
}
