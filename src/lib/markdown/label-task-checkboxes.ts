import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * Names the checkbox of each GitHub-flavoured task-list item ("Done" or "Not done"). The
 * checkbox is rendered disabled and unlabelled, which screen readers announce as a bare
 * "checkbox" and axe reports as a form control without a label; the item's own text still
 * follows it, so the name only has to say what the tick means.
 */
const labelTaskCheckboxesPlugin = defineHastPlugin({
  name: 'glossa-label-task-checkboxes',
  element: {
    filter: ['input'],
    visit(node, ctx) {
      if (node.properties['type'] !== 'checkbox') return;
      ctx.setProperty(node, 'ariaLabel', node.properties['checked'] ? 'Done' : 'Not done');
    },
  },
});

/** The plugin entry for Sätteri: skipped for documents without a task-list marker. */
export const labelTaskCheckboxes: HastPluginEntry = ({ source }) =>
  /\[[ xX]\]/.test(source) ? labelTaskCheckboxesPlugin : null;
