// "Choose from the media library" buttons beside image fields: the article's feature image and an
// author's portrait. The fields stay plain inputs, so the forms work without this script.
import { mediaLibraryAllowed, pickImage } from './media-picker.js';

function set(input: HTMLInputElement | null, value: string): void {
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function chooserButton(label: string, after: Element, onClick: () => Promise<void>): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', () => void onClick());
  const wrap = document.createElement('div');
  wrap.className = 'media-choice-buttons';
  wrap.append(button);
  after.after(wrap);
}

/** Adds the library buttons to whichever image fields this page has. */
export function mountMediaFields(csrf: string): void {
  if (!mediaLibraryAllowed()) return;
  const feature = document.querySelector<HTMLInputElement>('#f-featureImageUrl:not([disabled])');
  if (feature) {
    chooserButton('Choose the feature image from the library', feature, async () => {
      const picked = await pickImage(csrf, { title: 'Feature image', action: 'Use this image' });
      if (!picked || picked === 'by-url') return;
      // The feature image field takes a full address; the library URL on this site is one.
      set(feature, new URL(picked.src, window.location.origin).href);
      set(document.querySelector('#f-featureImageAlt'), picked.alt);
      set(document.querySelector('#f-featureImageCaption'), picked.caption);
      set(document.querySelector('#f-featureImageCredit'), picked.credit);
    });
  }
  const avatar = document.querySelector<HTMLInputElement>('[data-media-choice="avatar"] input');
  if (avatar) {
    chooserButton('Choose the portrait from the library', avatar, async () => {
      const picked = await pickImage(csrf, { title: 'Portrait', action: 'Use this image' });
      if (picked && picked !== 'by-url') set(avatar, picked.thumbnail);
    });
  }
}
