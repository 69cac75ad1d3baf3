import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * Shows raw HTML written in an entry's Markdown as literal text instead of passing it through.
 * Entries are plain Markdown: GitHub-flavoured syntax covers tables, footnotes, task lists and
 * links, and passing editors' HTML through would let a `<script>` or an `onerror=` attribute
 * reach readers. Escaping (rather than an allowlist sanitizer) leaves nothing to get wrong, and
 * the editor sees exactly what they typed.
 */
const escapeRawHtmlPlugin = defineHastPlugin({
  name: 'glossa-escape-raw-html',
  raw(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
});

/** The plugin entry for Sätteri: skipped outright for documents without a `<`, i.e. most of them. */
export const escapeRawHtml: HastPluginEntry = ({ source }) =>
  source.includes('<') ? escapeRawHtmlPlugin : null;
