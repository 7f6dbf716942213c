import { generic } from './generic';
import { github } from './github';
import { gmail } from './gmail';
import { hackerNews } from './hackernews';
import { reddit } from './reddit';
import type { SiteAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [reddit, x, hackerNews, youtube, github, gmail];

export const adapterFor = (hostname: string): SiteAdapter => SITE_ADAPTERS.find((a) => a.matches(hostname)) ?? generic;
