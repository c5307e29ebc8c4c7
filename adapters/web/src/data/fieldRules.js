// The checks a workflow's field definitions ask for (required, type, min/max, max length,
// options), done in the browser so people see them before sending. The server checks again
// (engine/src/FieldValidation.cpp); these mirror it. Errors are {key, params} for t().

function isCalendarDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function checkField(field, value) {
  const text = value ?? '';
  if (text === '') return field.required ? { key: 'validation.required' } : null;
  switch (field.type) {
    case 'string':
      if (/[\r\n]/.test(text)) return { key: 'validation.singleLine' };
    // falls through: a string has the same length limit as text
    case 'text': {
      const length = [...text].length;
      if (field.maxLength && length > field.maxLength) return { key: 'validation.tooLong', params: { max: field.maxLength, length } };
      return null;
    }
    case 'integer': {
      if (!/^-?\d{1,18}$/.test(text)) return { key: 'validation.integer' };
      const n = Number(text);
      if (field.min !== null && field.min !== undefined && n < field.min) return { key: 'validation.min', params: { min: field.min } };
      if (field.max !== null && field.max !== undefined && n > field.max) return { key: 'validation.max', params: { max: field.max } };
      return null;
    }
    case 'date':
      return isCalendarDate(text) ? null : { key: 'validation.date' };
    case 'boolean':
      return text === 'true' || text === 'false' ? null : { key: 'validation.boolean' };
    case 'enum':
      return field.options.some((o) => o.value === text) ? null : { key: 'validation.option' };
    default:
      return null;
  }
}

// {name: error} for the fields that fail; empty when all pass.
export function checkFields(fields, values) {
  const errors = {};
  for (const f of fields) {
    const error = checkField(f, values[f.name]);
    if (error) errors[f.name] = error;
  }
  return errors;
}

// The values worth sending: empty optional fields are the same as absent ones to the server.
export function filledFields(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
}
