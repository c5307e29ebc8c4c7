// A workflow's fields as labelled form controls, in the reader's language, with the rules as
// hints and the errors next to each control.
import { localized, t } from '../i18n/i18n.js';
import { Field } from './Field.jsx';

function hintFor(field) {
  const hasMin = field.min !== null && field.min !== undefined;
  const hasMax = field.max !== null && field.max !== undefined;
  if (field.type === 'integer') {
    if (hasMin && hasMax) return t('hint.between', { min: field.min, max: field.max });
    if (hasMin) return t('hint.atLeast', { min: field.min });
    if (hasMax) return t('hint.atMost', { max: field.max });
    return t('hint.integer');
  }
  if ((field.type === 'text' || field.type === 'string') && field.maxLength) return t('hint.maxLength', { max: field.maxLength });
  return null;
}

function Control({ field, id, value, onChange, aria }) {
  const set = (e) => onChange(field.name, e.currentTarget.value);
  switch (field.type) {
    case 'text':
      return <textarea id={id} rows={4} value={value} onInput={set} {...aria} />;
    case 'integer':
      return <input id={id} type="text" inputMode="numeric" value={value} onInput={set} {...aria} />;
    case 'date':
      return <input id={id} type="date" value={value} onInput={set} {...aria} />;
    case 'boolean':
    case 'enum': {
      const options = field.type === 'boolean'
        ? [{ value: 'true', text: t('common.yes') }, { value: 'false', text: t('common.no') }]
        : field.options.map((o) => ({ value: o.value, text: localized(o.label) || o.value }));
      return (
        <select id={id} value={value} onChange={set} {...aria}>
          <option value="">{t('form.choose')}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
        </select>
      );
    }
    default:
      return <input id={id} type="text" value={value} onInput={set} {...aria} />;
  }
}

export function fieldInputId(prefix, name) { return `${prefix}-field-${name}`; }

export function WorkflowFields({ fields, values, errors, onChange, idPrefix }) {
  return fields.map((field) => {
    const id = fieldInputId(idPrefix, field.name);
    const error = errors[field.name];
    return (
      <Field key={field.name} id={id} label={localized(field.label) || field.name} hint={hintFor(field)}
        optional={!field.required} error={error && t(error.key, error.params)}>
        {(aria) => <Control field={field} id={id} value={values[field.name] ?? ''} onChange={onChange} aria={aria} />}
      </Field>
    );
  });
}
