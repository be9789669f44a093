// react-jsonschema-form as its README shows it: @rjsf/core with the ajv 8 validator, errors
// shown after the first failed submit and then validated live (its usual "after submit" setup).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { typeInto } from './react-input.js';

function Host({ schema, uiSchema }) {
  const [submitted, setSubmitted] = useState(false);
  return (
    <Form
      schema={schema}
      uiSchema={uiSchema}
      validator={validator}
      liveValidate={submitted}
      noHtml5Validate
      onError={() => setSubmitted(true)}
    />
  );
}

let root;

export const contender = {
  name: 'rjsf',
  prepare(container) {
    root?.unmount();
    container.replaceChildren();
    root = createRoot(container);
  },
  mount(_container, _specs, payload) {
    root.render(<Host schema={payload.schema} uiSchema={payload.rjsfUiSchema} />);
  },
  unmount(container) {
    root?.unmount();
    root = undefined;
    container.replaceChildren();
  },
  controlCount(container) {
    return container.querySelectorAll('input, select, textarea').length;
  },
  submit(container) {
    container.querySelector('button[type=submit]').click();
  },
  hasError(container, name) {
    return (container.querySelector(`#root_${name}__error`)?.textContent ?? '') !== '';
  },
  fix(container, name) {
    typeInto(container.querySelector(`#root_${name}`), 'x');
  },
};
