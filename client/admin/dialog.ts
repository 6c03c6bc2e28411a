/** One field of a small form dialog. */
export interface DialogField {
  name: string;
  label: string;
  type?: string;
  value?: string;
  required?: boolean;
}

let counter = 0;

/**
 * Asks for a few values in a modal <dialog> (focus moves in, Escape cancels, focus returns to the
 * button that opened it). Resolves to the values, or null when cancelled.
 */
export function ask(title: string, fields: DialogField[]): Promise<Record<string, string> | null> {
  const opener = document.activeElement as HTMLElement | null;
  const dialog = document.createElement('dialog');
  const id = `dlg-${++counter}`;
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  const form = document.createElement('form');
  form.method = 'dialog';
  const heading = document.createElement('h2');
  heading.id = `${id}-title`;
  heading.textContent = title;
  form.append(heading);
  for (const field of fields) {
    const wrap = document.createElement('div');
    wrap.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = `${id}-${field.name}`;
    label.textContent = field.label;
    const input = document.createElement('input');
    input.id = `${id}-${field.name}`;
    input.name = field.name;
    input.type = field.type ?? 'text';
    input.value = field.value ?? '';
    input.required = !!field.required;
    wrap.append(label, input);
    form.append(wrap);
  }
  const actions = document.createElement('div');
  actions.className = 'actions';
  const ok = document.createElement('button');
  ok.type = 'submit';
  ok.className = 'primary';
  ok.textContent = 'Insert';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  actions.append(ok, cancel);
  form.append(actions);
  dialog.append(form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let result: Record<string, string> | null = null;
    form.addEventListener('submit', () => {
      result = Object.fromEntries(fields.map((f) => [f.name, (form.elements.namedItem(f.name) as HTMLInputElement).value.trim()]));
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.focus();
      resolve(result);
    });
    dialog.showModal();
  });
}
