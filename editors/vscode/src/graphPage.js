const crypto = require('crypto');

/**
 * The webview page that renders `cwf graph --format mermaid` with the bundled mermaid (no CDN).
 * The graph text travels inside the page as an HTML-escaped element and later by postMessage;
 * the content security policy allows only the bundled script, by nonce.
 */
function graphPage({ cspSource, scriptUri, title, mermaidText }) {
  const nonce = crypto.randomBytes(16).toString('base64');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'unsafe-inline'; font-src ${cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style>
  body { padding: 0.5em 1em; }
  #graph svg { max-width: 100%; height: auto; }
  #error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
</style>
</head>
<body>
<pre id="source" hidden>${escapeHtml(mermaidText)}</pre>
<div id="error"></div>
<div id="graph"></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

module.exports = { graphPage, escapeHtml };
