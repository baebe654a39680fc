import React, { useState } from 'react';
import { Button } from '@twilio-paste/core/button';

import { useStrings } from '../../strings';

/** Copies a value (an address SID) to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const strings = useStrings();
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
      {copied ? strings.MessagingSetupCopied : strings.MessagingSetupCopy}
    </Button>
  );
}
