import React from 'react';
import { Input, type InputProps } from '@twilio-paste/core/input';
import { Select } from '@twilio-paste/core/select';

import type { FieldErrors } from '../../../../contract/addressRules';
import type { AddressForm } from '../../state/addressForm';
import { Field } from '../Field';

/** The address form as its field groups see it: its values, how to change one, and its errors. */
export interface AddressFormControls {
  form: AddressForm;
  update: <K extends keyof AddressForm>(key: K, value: AddressForm[K]) => void;
  /** A change of several fields at once (a new type brings its default Studio flow). */
  setForm: (change: (current: AddressForm) => AddressForm) => void;
  /** The errors to show now: the rules' once the user tried to submit, and the server's. */
  fields: FieldErrors;
  /** The id of a field's control. */
  idOf: (key: string) => string;
  /** The id of a field's error: the control names it in `aria-describedby` only while there is one. */
  errorIdOf: (key: string) => string;
}

/** The form fields that hold text. */
type TextKey = { [K in keyof AddressForm]: AddressForm[K] extends string ? K : never }[keyof AddressForm];

interface FormFieldProps {
  controls: AddressFormControls;
  name: TextKey;
  label: string;
  required?: boolean;
  help?: React.ReactNode;
  /** The key of the field's errors, when not its name (the integration's are `integration`). */
  errorKey?: string;
}

const describedBy = ({ fields, errorIdOf }: AddressFormControls, name: string) =>
  fields[name] ? errorIdOf(name) : undefined;

/** A labelled text input bound to one field of the form, with its error. */
export const FormInput = React.forwardRef<
  HTMLInputElement,
  FormFieldProps & Partial<Pick<InputProps, 'type' | 'inputMode' | 'placeholder' | 'min' | 'max'>>
>(function FormInput({ controls, name, label, required, help, errorKey = name, type = 'text', ...input }, ref) {
  const { form, update, fields, idOf, errorIdOf } = controls;
  return (
    <Field
      id={idOf(name)}
      label={label}
      required={required}
      error={fields[errorKey]}
      errorId={errorIdOf(errorKey)}
      help={help}
    >
      <Input
        {...input}
        id={idOf(name)}
        ref={ref}
        type={type}
        value={form[name]}
        onChange={(e) => update(name, e.target.value)}
        hasError={Boolean(fields[errorKey])}
        aria-describedby={describedBy(controls, errorKey)}
      />
    </Field>
  );
});

/** A labelled select bound to one field of the form, with its error; `describedBy` overrides the error's id. */
export function FormSelect({
  controls,
  name,
  label,
  required,
  help,
  errorKey = name,
  describedBy: description,
  parse = (value) => value,
  onValue,
  children,
}: FormFieldProps & {
  describedBy?: string;
  /** The select's value as the field's (a choice from a fixed list). */
  parse?: (value: string) => string;
  /** Instead of setting the field: what choosing a value does. */
  onValue?: (value: string) => void;
  children: NonNullable<React.ReactNode>;
}) {
  const { form, update, fields, idOf, errorIdOf } = controls;
  return (
    <Field
      id={idOf(name)}
      label={label}
      required={required}
      error={fields[errorKey]}
      errorId={errorIdOf(errorKey)}
      help={help}
    >
      <Select
        id={idOf(name)}
        value={form[name]}
        onChange={(e) =>
          onValue ? onValue(e.target.value) : update(name, parse(e.target.value) as AddressForm[typeof name])
        }
        hasError={Boolean(fields[errorKey])}
        aria-describedby={description ?? describedBy(controls, errorKey)}
      >
        {children}
      </Select>
    </Field>
  );
}
