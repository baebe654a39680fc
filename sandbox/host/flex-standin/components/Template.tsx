import React from 'react';

import { Manager } from '../Manager';
import { compileTemplate, createTemplates, type CompiledTemplate } from '../templates';
import { useObservable } from './useObservable';

/** @twilio/flex-ui's TemplateProps: a compiled template (`source`) or a strings key (`code`), plus its context. */
export interface TemplateProps {
  source?: CompiledTemplate;
  code?: string;
  className?: string;
  [context: string]: unknown;
}

export const templates = createTemplates(() => Manager.getInstance().strings);

export function Template({ source, code, className, ...context }: TemplateProps) {
  const manager = Manager.getInstance();
  useObservable(manager); // strings may change after the first render
  const compiled =
    source ??
    (code !== undefined && typeof manager.strings[code] === 'string'
      ? compileTemplate(manager.strings[code])
      : undefined);
  return <span className={className}>{compiled ? compiled(context) : (code ?? '')}</span>;
}
