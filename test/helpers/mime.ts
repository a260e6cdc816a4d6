// The parts of a multipart/alternative mail as the test SMTP server received it (raw message
// text): the plain-text part and the decoded HTML part.
export function mailParts(raw: string): { text: string | undefined; html: string | undefined; contentType: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  const contentType = /^Content-Type: (.*)$/mi.exec(head)?.[1] ?? '';
  const boundary = /boundary="([^"]+)"/.exec(contentType)?.[1];
  if (!boundary) return { text: body, html: undefined, contentType };
  let text: string | undefined;
  let html: string | undefined;
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const [partHead, ...partBody] = part.replace(/^\r\n/, '').split('\r\n\r\n');
    const content = partBody.join('\r\n\r\n').replace(/\r\n$/, '');
    const decoded = /Content-Transfer-Encoding: base64/i.test(partHead) ? Buffer.from(content.replace(/\r\n/g, ''), 'base64').toString('utf8') : content;
    if (/Content-Type: text\/html/i.test(partHead)) html = decoded;
    else if (/Content-Type: text\/plain/i.test(partHead)) text = decoded;
  }
  return { text, html, contentType };
}
