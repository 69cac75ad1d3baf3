import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { stripHtmlComments } from './html-comments.ts';

/**
 * Shows raw HTML written in an entry's Markdown as literal text instead of passing it through.
 * Entries are plain Markdown: GitHub-flavoured syntax covers tables, footnotes, task lists and
 * links, and passing editors' HTML through would let a `<script>` or an `onerror=` attribute
 * reach readers. Escaping (rather than an allowlist sanitizer) leaves nothing to get wrong, and
 * the editor sees exactly what they typed. HTML comments are the exception: they are editors'
 * notes, so they are removed (html-comments.ts), and raw HTML that was only a comment leaves
 * nothing behind.
 */
const escapeRawHtmlPlugin = defineHastPlugin({
  name: 'glossa-escape-raw-html',
  raw(node, ctx) {
    const value = stripHtmlComments(node.value);
    if (value.trim() === '') ctx.removeNode(node);
    else ctx.replaceNode(node, { type: 'text', value });
  },
  comment(node, ctx) {
    ctx.removeNode(node);
  },
});

/** The plugin entry for Sätteri: skipped outright for documents without a `<`, i.e. most of them. */
export const escapeRawHtml: HastPluginEntry = ({ source }) =>
  source.includes('<') ? escapeRawHtmlPlugin : null;
