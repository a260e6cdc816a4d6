// Strata's version, as reported by /server/info to admins.
import { readFileSync } from 'node:fs';

const pkgUrl = new URL(import.meta.url.includes('/dist/') ? '../../package.json' : '../package.json', import.meta.url);
export const version: string = JSON.parse(readFileSync(pkgUrl, 'utf8')).version;
