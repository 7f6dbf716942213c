/**
 * Word lists for the deterministic style card. Function words are the classic stylometric signal
 * (Mosteller & Wallace's Federalist markers plus the common closed-class words Burrows' Delta uses):
 * writers use them unconsciously and independently of topic.
 */
export const FUNCTION_WORDS: readonly string[] = [
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'almost', 'also', 'although', 'always', 'am', 'among',
  'an', 'and', 'another', 'any', 'are', 'as', 'at', 'be', 'because', 'been', 'before', 'being', 'both', 'but', 'by',
  'can', 'could', 'did', 'do', 'does', 'down', 'each', 'either', 'enough', 'even', 'every', 'few', 'for', 'from',
  'had', 'has', 'have', 'he', 'her', 'here', 'him', 'his', 'how', 'however', 'i', 'if', 'in', 'into', 'is', 'it',
  'its', 'just', 'less', 'like', 'may', 'me', 'might', 'more', 'most', 'much', 'must', 'my', 'neither', 'never', 'no',
  'nor', 'not', 'now', 'of', 'off', 'often', 'on', 'once', 'one', 'only', 'or', 'other', 'our', 'out', 'over', 'own',
  'perhaps', 'quite', 'rather', 'same', 'shall', 'she', 'should', 'since', 'so', 'some', 'still', 'such', 'than',
  'that', 'the', 'their', 'them', 'then', 'there', 'therefore', 'these', 'they', 'this', 'those', 'though', 'through',
  'thus', 'to', 'too', 'under', 'until', 'up', 'upon', 'us', 'very', 'was', 'we', 'well', 'were', 'what', 'when',
  'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'within', 'without', 'would',
  'yet', 'you', 'your',
];

export const FUNCTION_WORD_SET: ReadonlySet<string> = new Set(FUNCTION_WORDS);

/** Words that carry no topic: function words plus common verbs and web boilerplate. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  'get', 'got', 'make', 'made', 'new', 'use', 'used', 'using', 'said', 'says', 'say', 'go', 'going', 'know', 'think',
  'want', 'see', 'way', 'thing', 'things', 'time', 'year', 'years', 'day', 'really', 'good', 'great', 'lot', 'many',
  'two', 'first', 'last', 'back', 'people', 'it’s', "it's", "don't", "i'm", 'im', 'dont', 'yes', 'ok', 'okay',
  'home', 'page', 'click', 'read', 'sign', 'login', 'log', 'menu', 'search', 'share', 'comments', 'comment', 'reply',
  'http', 'https', 'www', 'com', 'html',
]);

/** Openings counted as greetings when they start a writing. */
export const GREETINGS: readonly string[] = ['hi', 'hello', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening', 'greetings', 'hiya', 'yo', 'morning'];

/** Closings counted as sign-offs when they are a writing's last short line. */
export const SIGN_OFFS: readonly string[] = [
  'thanks', 'thank you', 'thanks!', 'cheers', 'best', 'best regards', 'regards', 'kind regards', 'all the best',
  'sincerely', 'yours', 'take care', 'love', 'talk soon', 'ta', 'thx',
];
