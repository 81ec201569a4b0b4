import { html } from 'lit';
import { organizations } from './data.ts';
import { back } from './fields.ts';
import type { Views } from './view.ts';

export { SECOND_STEP_STRINGS as strings } from '../../protocol/strings/second-step.ts';

/** The account belongs to several organizations and the profile pins none (loaded on demand). */
export const views: Views = {
  org_select: {
    heading: (h) => h.s.org_heading,
    render: (h) => html`
      <p part="text" class="text" id="choose">${h.s.org_text}</p>
      <div part="choices" class="stack" role="group" aria-labelledby="choose">
        ${organizations(h.data.organizations).map(
          (org) =>
            html`<button
              part="secondary"
              class="secondary"
              type="button"
              ?disabled=${h.blocked('org_select')}
              @click=${() => h.send('org_select', { organization_id: org.id, flow: h.flow })}
            >
              ${org.name}
            </button>`,
        )}
      </div>
      ${back(h)}
    `,
  },
};
