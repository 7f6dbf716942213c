import { expect, test } from 'vitest';
import { withoutScripts } from './snapshot';

test('scripts and styles are cut from the markup, JSON-LD metadata and text stay', () => {
  const html = '<head><style>p{color:red}</style><script type="application/ld+json">{"headline":"H"}</script><script>var a = "<p>no</p>";</script></head><body><p>Text</p><SCRIPT src="x.js"></SCRIPT></body>';
  expect(withoutScripts(html)).toBe('<head><script type="application/ld+json">{"headline":"H"}</script></head><body><p>Text</p></body>');
});
