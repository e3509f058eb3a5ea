// Opens a URL in the person's browser with the platform's opener. Failing to is not an error:
// the URL is printed too, and can be opened by hand (or on another machine for the device flow).

import { spawn } from 'node:child_process';

const opener = (url: string): [string, string[]] => {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
};

export const openBrowser = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const [command, args] = opener(url);
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
