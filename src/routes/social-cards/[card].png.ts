import type { APIRoute, GetStaticPaths } from 'astro';
import { cardPng, socialCards } from '../../data/social-cards.ts';
import type { SocialCard } from '../../lib/social-cards/plan.ts';

export const getStaticPaths = (() =>
  socialCards.map((card) => ({ params: { card: card.name }, props: { card } }))) satisfies GetStaticPaths;

/** A social card: the PNG social sites show for a link to the site, a section or an entry. */
export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) =>
  new Response(await cardPng(props.card), { headers: { 'Content-Type': 'image/png' } });
