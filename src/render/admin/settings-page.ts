import type { Notices, SiteSettings } from '../../domain/site-settings.js';
import { html } from '../html.js';
import { adminLayout, csrfField, type AdminFrame, type Notice } from './admin-layout.js';
import { textAreaField, textField } from './form-fields.js';

/** The standing notices an editor sets here, in the order article pages show them. */
export const editableNotices: readonly { key: keyof Notices; label: string }[] = [
  { key: 'disclaimer', label: 'Disclaimer' },
  { key: 'crossPosting', label: 'Cross-posting permission' },
  { key: 'fairUse', label: 'Fair-use notice' },
  { key: 'mediaInquiries', label: 'Media inquiries' },
  { key: 'membershipCall', label: 'Membership call' },
];

/** Site title, description, logo, feed content and the standing notices of article pages. */
export function renderSettingsPage(frame: AdminFrame, settings: SiteSettings, notice: Notice | null = null): string {
  const feed = (value: SiteSettings['feedContent'], label: string) =>
    html`<div class="check"><input type="radio" id="feed-${value}" name="feedContent" value="${value}"${settings.feedContent === value ? html` checked` : ''}><label for="feed-${value}">${label}</label></div>`;
  return adminLayout({ ...frame, current: 'settings' }, 'Site settings', html`<h1>Site settings</h1>
<form method="post" action="/admin/settings/" class="stack settings-form">
${csrfField(frame)}
<fieldset><legend>The site</legend>
${textField('name', 'Site title', settings.name, { required: true })}
${textAreaField('description', 'Description', settings.description, 2)}
${textField('logoUrl', 'Logo', settings.logoUrl ?? '', { hint: 'A full https:// address or a path on this site (/media/…). Empty for none.' })}
${textField('contactEmail', 'Contact e-mail ({email} in notices)', settings.contactEmail ?? '', { type: 'email' })}
${textField('membershipUrl', 'Membership page', settings.membershipUrl ?? '', { hint: 'Where the membership call links: https:// or mailto:. Empty for none.' })}
</fieldset>
<fieldset><legend>Feeds carry</legend>
${feed('full', 'Each article\'s full text')}
${feed('summary', 'Only a summary, with a link to the article')}
</fieldset>
<fieldset><legend>Standing notices on article pages</legend>
<p class="hint" id="placeholders-hint">Placeholders: {site}, {source}, {url}, {author}, {title}, {email}, {year}. Empty a notice to leave it off.</p>
${editableNotices.map(({ key, label }) => textAreaField(`notices.${key}`, label, settings.notices[key], 3, { id: `f-notice-${key}` }))}
</fieldset>
<button type="submit" class="primary">Save settings</button>
</form>`, { notice });
}
