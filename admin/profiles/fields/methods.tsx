/**
 * Sign-in methods: a checkbox each (at least one), and the order the form offers the chosen ones
 * in, changed with Move up / Move down.
 */
import { Button, CheckboxControl } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { METHODS } from '../../../protocol/messages.ts';
import { move, toggle } from '../draft.ts';
import { methodLabel } from '../labels.ts';
import { errorId, Field, type SectionProps } from './field.tsx';

export function MethodsSection({ draft, change, errors }: SectionProps) {
  const invalid = !!errors.methods;
  const moveMethod = (index: number, by: number) => {
    const method = draft.methods[index];
    change((d) => ({ ...d, methods: move(d.methods, index, by) }));
    // The button pressed may vanish at the ends of the list: keep focus on the moved method.
    requestAnimationFrame(() => {
      const wanted = document.querySelector<HTMLElement>(`[data-move="${method}-${by < 0 ? 'up' : 'down'}"]`);
      (wanted ?? document.querySelector<HTMLElement>(`[data-move^="${method}-"]`))?.focus();
    });
  };
  return (
    <Field field="methods" errors={errors}>
      <fieldset
        className="workos-profiles-fieldset"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId('methods') : undefined}
      >
        <legend>{__('Methods offered', 'workos-login')}</legend>
        {METHODS.map((method) => (
          <CheckboxControl
            key={method}
            __nextHasNoMarginBottom
            label={methodLabel(method)}
            checked={draft.methods.includes(method)}
            onChange={(on: boolean) => change((d) => ({ ...d, methods: toggle(d.methods, method, on) }), 'methods')}
          />
        ))}
      </fieldset>
      {draft.methods.length > 1 ? (
        <div className="workos-profiles-order">
          <p id="workos-profiles-methods-order">{__('Order on the sign-in form:', 'workos-login')}</p>
          <ol aria-labelledby="workos-profiles-methods-order">
            {draft.methods.map((method, index) => (
              <li key={method}>
                <span>{methodLabel(method)}</span>
                {index > 0 ? (
                  <Button
                    size="small"
                    icon="arrow-up-alt2"
                    label={sprintf(
                      /* translators: %s: a sign-in method. */ __('Move %s up', 'workos-login'),
                      methodLabel(method),
                    )}
                    data-move={`${method}-up`}
                    onClick={() => moveMethod(index, -1)}
                  />
                ) : (
                  <span className="workos-profiles-order-spacer" />
                )}
                {index < draft.methods.length - 1 ? (
                  <Button
                    size="small"
                    icon="arrow-down-alt2"
                    label={sprintf(
                      /* translators: %s: a sign-in method. */ __('Move %s down', 'workos-login'),
                      methodLabel(method),
                    )}
                    data-move={`${method}-down`}
                    onClick={() => moveMethod(index, 1)}
                  />
                ) : (
                  <span className="workos-profiles-order-spacer" />
                )}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Field>
  );
}
