import { Component, type ReactNode } from 'react';

interface ViewGuardProps {
  /** What the view shows, for the message: "the timeline". */
  name: string;
  /** Changes when the run shown changes: the view tries again. */
  resetKey: unknown;
  children: ReactNode;
}

/**
 * Keeps one view's failure from taking the page down. A real run's trace comes from another
 * program: if a view cannot draw it, that view says so and the rest of the page (and the
 * trace received so far) stays; the next run, or the simulation, draws again.
 */
export class ViewGuard extends Component<ViewGuardProps, { error: string | null; key: unknown }> {
  override state = { error: null as string | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: String(error) };
  }

  static getDerivedStateFromProps(props: ViewGuardProps, state: { error: string | null; key: unknown }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <p role="alert" className="bridge-problem view-guard">
        {`This run cannot be shown in ${this.props.name} (${this.state.error}). The other views and the trace are unaffected; switch to the simulation or run again.`}
      </p>
    );
  }
}
