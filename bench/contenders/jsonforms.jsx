// JSON Forms with its vanilla renderers: errors hidden until the first submit, then shown
// (validationMode ValidateAndShow), as its documentation suggests for a submit button.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { typeInto } from './react-input.js';

function Host({ schema, uischema }) {
  const [data, setData] = useState({});
  const [submitted, setSubmitted] = useState(false);
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), setSubmitted(true))}>
      <JsonForms
        schema={schema}
        uischema={uischema}
        data={data}
        renderers={vanillaRenderers}
        cells={vanillaCells}
        validationMode={submitted ? 'ValidateAndShow' : 'ValidateAndHide'}
        onChange={({ data }) => setData(data)}
      />
      <button type="submit">Send</button>
    </form>
  );
}

let root;
/** Field name → its control's wrapper, found once by label after each mount. */
let wrappers = new Map();

function wrapperOf(container, name) {
  let wrapper = wrappers.get(name);
  if (wrapper?.isConnected) return wrapper;
  const label = `Question ${Number(name.slice(1)) + 1}`;
  for (const element of container.querySelectorAll('label')) {
    const text = element.textContent.replace('*', '').trim();
    if (text === label) {
      wrapper = element.parentElement;
      wrappers.set(name, wrapper);
      return wrapper;
    }
  }
  return undefined;
}

export const contender = {
  name: 'jsonforms',
  prepare(container) {
    root?.unmount();
    container.replaceChildren();
    wrappers = new Map();
    root = createRoot(container);
  },
  mount(_container, _specs, payload) {
    root.render(<Host schema={payload.schema} uischema={payload.jsonFormsUiSchema} />);
  },
  unmount(container) {
    root?.unmount();
    root = undefined;
    wrappers = new Map();
    container.replaceChildren();
  },
  controlCount(container) {
    return container.querySelectorAll('input, select, textarea').length;
  },
  submit(container) {
    container.querySelector('button[type=submit]').click();
  },
  hasError(container, name) {
    return (wrapperOf(container, name)?.querySelector('.validation_error')?.textContent ?? '') !== '';
  },
  fix(container, name) {
    typeInto(wrapperOf(container, name).querySelector('input'), 'x');
  },
};
