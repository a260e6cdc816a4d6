// What a mail's HTML is made from, for notifications and the flows' mail operation, as Directus
// makes it: markdown rendered to HTML (and sanitized: a notification's message comes from any
// user who may create one), or a liquid template by name — looked up first in
// EMAIL_TEMPLATES_PATH (a project's own templates, which may `{% layout "base" %}`), then among
// Strata's built-in ones (`base`: a plain layout around `html`, with a link when `url` is given).
// Every template gets the project's name, color, logo and URL besides its own data.
// The renderers (liquidjs, marked, sanitize-html: about 8 MB of a gateway's memory) are loaded when
// the first mail is made, not at start: most gateways never send one.
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Liquid, FS } from 'liquidjs';
import type SanitizeHtml from 'sanitize-html';
import type { Db } from '../db/client.js';
import { projectInfo } from '../engine/system.js';

const require = createRequire(import.meta.url);
let sanitizeModule: typeof SanitizeHtml | undefined;
const sanitizeHtml = () => (sanitizeModule ??= require('sanitize-html') as typeof SanitizeHtml);
/** (marked is an ES module only: imported, where the others are required) */
let markedModule: Promise<typeof import('marked')> | undefined;

/** Markdown to HTML without scripts, event handlers or other active content. */
export async function markdownToHtml(source: string): Promise<string> {
  const { marked } = await (markedModule ??= import('marked'));
  const html = marked.parse(source, { async: false, gfm: true });
  const sanitize = sanitizeHtml();
  return sanitize(html, {
    allowedTags: [...sanitize.defaults.allowedTags, 'img', 'del', 'input'],
    allowedAttributes: { ...sanitize.defaults.allowedAttributes, img: ['src', 'alt', 'title', 'width', 'height'], input: ['type', 'checked', 'disabled'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });
}

/** Plain text for a mail's text part: the HTML without its tags. */
export function htmlToText(html: string): string {
  return sanitizeHtml()(html.replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr)\b[^>]*>/gi, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

// Strata's own layout: table-based (mail clients ignore most CSS), inline styles only
const BASE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ projectName | escape }}</title></head>
<body style="margin:0;padding:0;background:#f0f2f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f0f2f5;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<tr><td style="padding:20px 32px;border-bottom:3px solid {{ projectColor | default: '#6644ff' | escape }};font-size:18px;font-weight:bold;">
{% if projectLogo %}<img src="{{ projectLogo | escape }}" alt="" height="32" style="vertical-align:middle;margin-right:8px;">{% endif %}{{ projectName | escape }}
</td></tr>
<tr><td style="padding:28px 32px;font-size:15px;line-height:1.6;">
{% block content %}{{ html }}{% endblock %}
{% if url %}<p style="margin-top:28px;"><a href="{{ url | escape }}" style="display:inline-block;padding:10px 18px;background:{{ projectColor | default: '#6644ff' | escape }};color:#ffffff;text-decoration:none;border-radius:4px;">Open</a></p>{% endif %}
</td></tr>
{% if projectUrl %}<tr><td style="padding:16px 32px;font-size:12px;color:#6b7785;border-top:1px solid #e4e7eb;"><a href="{{ projectUrl | escape }}" style="color:#6b7785;">{{ projectUrl | escape }}</a></td></tr>{% endif %}
</table>
</td></tr>
</table>
</body>
</html>
`;

const BUILT_IN: Record<string, string> = { 'base.liquid': BASE };
/** a root that is no directory: where the built-in templates are "found" */
const BUILT_IN_ROOT = path.resolve('/', '@strata-mail-templates');

/** A template's name: a plain file name, never a path */
const TEMPLATE_NAME = /^[A-Za-z0-9_-]{1,100}$/;

const builtIn = (file: string) => (path.dirname(file) === BUILT_IN_ROOT ? BUILT_IN[path.basename(file)] : undefined);
const inside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** The templates directory first, the built-in templates second. */
const templateFs: FS = {
  resolve: (dir, file, ext) => path.resolve(dir, path.extname(file) ? file : file + ext),
  existsSync: (file) => (path.dirname(file) === BUILT_IN_ROOT ? builtIn(file) !== undefined : existsSync(file)),
  exists: async (file) => templateFs.existsSync(file),
  readFileSync: (file) => builtIn(file) ?? readFileSync(file, 'utf8'),
  readFile: async (file) => builtIn(file) ?? readFile(file, 'utf8'),
  contains: async (root, file) => inside(root, file),
  containsSync: inside,
  dirname: path.dirname,
  sep: path.sep,
};

export interface ProjectFacts {
  projectName: string;
  projectColor: string | null;
  projectLogo: string | null;
  projectUrl: string | null;
}

/** The project as templates see it: directus_settings' name, color and logo (as an asset URL), and PUBLIC_URL. */
export function projectFacts(db: Db, publicUrl: string): () => Promise<ProjectFacts> {
  const base = /^https?:\/\//i.test(publicUrl) ? publicUrl.replace(/\/+$/, '') : null;
  return async () => {
    const info = JSON.parse(await projectInfo(db)) as { project_name?: string | null; project_color?: string | null; project_logo?: string | null };
    return {
      projectName: info.project_name ?? 'Directus',
      projectColor: info.project_color ?? null,
      projectLogo: info.project_logo && base ? `${base}/assets/${info.project_logo}` : null,
      projectUrl: base,
    };
  };
}

export class MailTemplates {
  private liquid?: Liquid;

  /** `project`: the defaults every template sees (directus_settings), read when a mail is rendered */
  constructor(private templatesPath: string, private project: () => Promise<ProjectFacts>) {}

  /** Renders a template by name (`base`, or a file `<name>.liquid` in the templates directory) with its data. */
  async render(name: string, data: Record<string, unknown>): Promise<string> {
    if (!TEMPLATE_NAME.test(name)) throw new Error(`Mail template name "${name}" is not valid`);
    this.liquid ??= new (require('liquidjs') as typeof import('liquidjs')).Liquid({
      root: [path.resolve(this.templatesPath), BUILT_IN_ROOT], extname: '.liquid', fs: templateFs,
      // templates see their data's own properties only, and a loop or output can't run away
      ownPropertyOnly: true, cache: false, renderLimit: 5_000, parseLimit: 1_000_000, memoryLimit: 50_000_000,
    });
    return this.liquid.renderFile(name, { ...(await this.project()), ...data });
  }
}

/**
 * A mail's body as the flows' mail operation (and Directus's mail service) makes it from its
 * options: `markdown` (the default) rendered and sanitized, `wysiwyg` HTML sent as given,
 * `template` a liquid template by name (default `base`) with the given data.
 */
export async function renderMailBody(templates: MailTemplates, o: { type?: unknown; body?: unknown; template?: unknown; data?: unknown }):
  Promise<{ html: string; text?: string }> {
  if (o.type === 'template') {
    const name = typeof o.template === 'string' && o.template !== '' ? o.template : 'base';
    const data = o.data !== null && typeof o.data === 'object' && !Array.isArray(o.data) ? o.data as Record<string, unknown> : {};
    return { html: await templates.render(name, data) };
  }
  const body = typeof o.body === 'string' ? o.body : o.body === undefined || o.body === null ? '' : JSON.stringify(o.body);
  return o.type === 'wysiwyg' ? { html: body } : { html: await markdownToHtml(body), text: body };
}
