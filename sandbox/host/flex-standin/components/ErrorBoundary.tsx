import React from 'react';

interface ErrorBoundaryProps {
  /** What failed, for the message: "The Messaging Setup view", "Flex". */
  what: string;
  children?: React.ReactNode;
}

/**
 * Keeps a crashing view from blanking the whole page (React unmounts everything above an
 * uncaught render error): the shell stays, the failed part says why. React still logs the error.
 */
export class ErrorBoundary extends React.Component<ErrorBoundaryProps, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="flex-host-crash" role="alert">
        <h2>{this.props.what} crashed</h2>
        <p>{error.message}</p>
        <p>The browser console has the stack. Reload the page to try again.</p>
      </div>
    );
  }
}
