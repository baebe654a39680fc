import React, { useState } from 'react';
import { Button } from '@twilio-paste/core/button';

/** Copies a value (an address SID) to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => setCopied(false),
    );
  };
  return (
    <Button variant="link" size="small" onClick={copy} aria-label={label}>
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}
