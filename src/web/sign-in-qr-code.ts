// The QR code of an otpauth:// URL, drawn on the server as a PNG data: URL (the page's CSP
// allows data: images and no scripts are needed), for authenticator apps to scan.

import QRCode from 'qrcode';
import { html, type Html } from './html.js';

export const qrCodeImage = async (otpauthUrl: string): Promise<Html> => {
  const src = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 192 });
  return html`<img class="qr" src="${src}" width="192" height="192" alt="QR code for your authenticator app. If you cannot scan it, type the secret key shown below.">`;
};
