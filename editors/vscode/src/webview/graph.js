// Runs inside the graph webview: renders the mermaid text of `cwf graph --format mermaid`, and
// renders again when the extension posts a new text (the workflow was saved).
import mermaid from 'mermaid';

const graph = document.getElementById('graph');
const error = document.getElementById('error');
const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });

let renders = 0;
async function render(text) {
  try {
    const { svg } = await mermaid.render(`cwf-graph-${++renders}`, text);
    graph.innerHTML = svg;
    error.textContent = '';
  } catch (e) {
    error.textContent = `The graph could not be drawn: ${e && e.message ? e.message : e}`;
  }
}

window.addEventListener('message', (event) => {
  if (event.data && typeof event.data.mermaid === 'string') render(event.data.mermaid);
});
render(document.getElementById('source').textContent);
