/**
 * The live preview's check that the open page shows the current glossary (astro dev only; the
 * integration injects it there and never into a build). A save reloads every open page, but a page
 * that was still loading when the reload was sent never hears it, and would go on showing the
 * glossary from before that save. So each page says which reload of the glossary it was rendered
 * after (the `glossa-preview` meta tag), and reloads itself when the dev server has had a later one.
 */

/** What a page and the dev server tell each other (src/integration/dev-errors.ts). */
interface Generation {
  glossary: string;
  generation: number;
}

const meta = document.querySelector<HTMLMetaElement>('meta[name="glossa-preview"]');
const hot = import.meta.hot;
if (hot && meta) {
  const shown: Generation = { glossary: meta.dataset['glossary'] ?? '', generation: Number(meta.content) };
  hot.on('glossa:generation', (current: Generation) => {
    if (current.glossary !== shown.glossary || current.generation <= shown.generation) return;
    // Once a generation: a page that cannot catch up (say, one that does not read the glossary
    // again) must not reload for ever.
    const key = `glossa-preview-reloaded:${current.glossary}`;
    if (sessionStorage.getItem(key) === String(current.generation)) return;
    sessionStorage.setItem(key, String(current.generation));
    location.reload();
  });
  hot.send('glossa:page-shown', shown);
}
