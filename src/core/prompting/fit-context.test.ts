import { describe, expect, test } from 'vitest';
import { contextOverflow, shrinkMessages } from './fit-context';

const long = (label: string, n: number) => `${label}:\n------\n${'evidence '.repeat(n)}\n------\nOutput only the reply.`;

describe('shrinkMessages', () => {
  test('cuts the longest message from the middle and keeps its start and end', () => {
    const messages = [
      { role: 'system' as const, content: 'You write as the user.' },
      { role: 'user' as const, content: long('Past writing', 500) },
    ];
    const total = messages.reduce((s, m) => s + m.content.length, 0);
    const shrunk = shrinkMessages(messages, 0.5);
    const after = shrunk.reduce((s, m) => s + m.content.length, 0);
    expect(after).toBeLessThanOrEqual(Math.ceil(total * 0.5) + 10);
    expect(shrunk[0]).toEqual(messages[0]);
    expect(shrunk[1]!.content.startsWith('Past writing:\n------')).toBe(true);
    expect(shrunk[1]!.content.endsWith('Output only the reply.')).toBe(true);
    expect(shrunk[1]!.content).toContain('[…]');
  });

  test('spreads the cut over several messages when the longest cannot give enough', () => {
    const messages = [
      { role: 'user' as const, content: 'a'.repeat(1000) },
      { role: 'user' as const, content: 'b'.repeat(900) },
    ];
    const shrunk = shrinkMessages(messages, 0.3);
    expect(shrunk.every((m) => m.content.length >= 200)).toBe(true);
    expect(shrunk.reduce((s, m) => s + m.content.length, 0)).toBeLessThanOrEqual(Math.ceil(1900 * 0.3) + 20);
  });

  test('leaves short conversations and a fraction of 1 alone', () => {
    const messages = [{ role: 'user' as const, content: 'hello there' }];
    expect(shrinkMessages(messages, 0.2)).toEqual(messages);
    expect(shrinkMessages([{ role: 'user', content: 'x'.repeat(5000) }], 1)[0]!.content).toHaveLength(5000);
  });
});

describe('contextOverflow', () => {
  test("reads llama.cpp's overflow message", () => {
    expect(contextOverflow('request (3081 tokens) exceeds the available context size (2048 tokens), try increasing it')).toEqual({ requested: 3081, available: 2048 });
    expect(contextOverflow('some other failure')).toBeNull();
  });
});
