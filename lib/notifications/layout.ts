// One list of blocks renders both parts of an email, so the plain text and the HTML always say the same.
export type Block =
  | { p: string }
  | { details: [label: string, value: string][] }
  | { link: { lead: string; label: string; href: string } };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function blockText(b: Block): string {
  if ("p" in b) return b.p;
  if ("details" in b) return b.details.map(([k, v]) => `${k}: ${v}`).join("\n");
  return `${b.link.lead}\n${b.link.href}`;
}

function blockHtml(b: Block): string {
  if ("p" in b) return `<p style="margin:0 0 16px">${escapeHtml(b.p)}</p>`;
  if ("details" in b) {
    const rows = b.details
      .map(
        ([k, v]) =>
          `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;color:#4a5568;font-weight:600;vertical-align:top">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`,
      )
      .join("");
    return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`;
  }
  const href = escapeHtml(b.link.href);
  return `<p style="margin:0 0 16px">${escapeHtml(b.link.lead)}<br><a href="${href}" style="display:inline-block;margin-top:8px;padding:10px 16px;background:#0b5f7a;color:#ffffff;border-radius:4px;text-decoration:none">${escapeHtml(b.link.label)}</a></p>`;
}

export function renderEmail(subject: string, blocks: Block[], footer: string[]): RenderedEmail {
  const text = [...blocks.map(blockText), `--\n${footer.join("\n")}`].join("\n\n") + "\n";
  const html = `<!doctype html>
<html lang="en-AU"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a202c">
<main style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">
${blocks.map(blockHtml).join("\n")}
<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0">
<footer style="font-size:14px;color:#4a5568">${footer.map((l) => `<p style="margin:0 0 4px">${escapeHtml(l)}</p>`).join("")}</footer>
</main></body></html>
`;
  return { subject, text, html };
}
