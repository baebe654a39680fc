import React from 'react';
import { Input, type InputProps } from '@twilio-paste/core/input';
import { Select } from '@twilio-paste/core/select';

import type { FieldErrors } from '../../../../../contract/addressRules';
import type { AddressForm } from '../../../state/addressForm';
import { Field } from '../../shared/Field';

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

/** What a Field needs of a bound field: its label points at the control, its error under it. */
const fieldProps = (
  { idOf, fields, errorIdOf }: AddressFormControls,
  { name, label, required, help, errorKey }: FormFieldProps & { errorKey: string },
) => ({ id: idOf(name), label, required, error: fields[errorKey], errorId: errorIdOf(errorKey), help });

/** What the control needs: its id, and its error as its description only while there is one. */
const controlProps = ({ idOf, fields, errorIdOf }: AddressFormControls, name: string, errorKey: string) => ({
  id: idOf(name),
  hasError: Boolean(fields[errorKey]),
  'aria-describedby': fields[errorKey] ? errorIdOf(errorKey) : undefined,
});

/** A labelled text input bound to one field of the form, with its error. */
export const FormInput = React.forwardRef<
  HTMLInputElement,
  FormFieldProps & Partial<Pick<InputProps, 'type' | 'inputMode' | 'placeholder' | 'min' | 'max'>>
>(function FormInput({ controls, name, label, required, help, errorKey = name, type = 'text', ...input }, ref) {
  return (
    <Field {...fieldProps(controls, { controls, name, label, required, help, errorKey })}>
      <Input
        {...input}
        {...controlProps(controls, name, errorKey)}
        ref={ref}
        type={type}
        value={controls.form[name]}
        onChange={(e) => controls.update(name, e.target.value)}
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
  const { form, update } = controls;
  const control = controlProps(controls, name, errorKey);
  return (
    <Field {...fieldProps(controls, { controls, name, label, required, help, errorKey })}>
      <Select
        {...control}
        aria-describedby={description ?? control['aria-describedby']}
        value={form[name]}
        onChange={(e) =>
          onValue ? onValue(e.target.value) : update(name, parse(e.target.value) as AddressForm[typeof name])
        }
      >
        {children}
      </Select>
    </Field>
  );
}
