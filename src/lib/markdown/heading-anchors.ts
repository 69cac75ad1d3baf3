import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * Gives each body section heading (h2–h4) a link to itself, so a reader can copy the address of a
 * section. The link sits after the heading, not inside it: inside, it would become part of the
 * heading's name (read as "Why it matters, link, #") and of the table of contents' text. Its own
 * name says where it goes, and the "#" it shows is hidden from screen readers, so each is
 * announced once. Runs after bodyHeadings, which gives every heading its final id.
 */
const headingAnchorsPlugin = defineHastPlugin({
  name: 'glossa-heading-anchors',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      const id = node.properties['id'];
      // The footnotes' own "Footnotes" heading is sr-only: a visible "#" beside nothing would puzzle.
      const className = node.properties['className'];
      if (typeof id !== 'string' || (Array.isArray(className) && className.includes('sr-only'))) return;
      ctx.replaceNode(node, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading'] },
        children: [
          node,
          {
            type: 'element',
            tagName: 'a',
            properties: {
              className: ['heading-anchor'],
              href: `#${id}`,
              ariaLabel: `Link to the section “${ctx.textContent(node)}”`,
              dataPagefindIgnore: '',
            },
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { ariaHidden: 'true' },
                children: [{ type: 'text', value: '#' }],
              },
            ],
          },
        ],
      });
    },
  },
});

/** The plugin entry for Sätteri: skipped for documents without a heading marker. */
export const headingAnchors: HastPluginEntry = ({ source }) =>
  /^ {0,3}#|^ {0,3}[=-]+[ \t]*$/m.test(source) ? headingAnchorsPlugin : null;
