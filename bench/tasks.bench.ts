import { test } from 'vitest';
import { buildJob, type JobContext } from '../src/entrypoints/background/create-job';
import { estimateTokens } from '../src/core/prompting/tokens';
import { page, persona, writing } from '../src/core/tasks/test-records';

const WORDS = 'sailing dinghy harbour tide wind club boat mooring fees winter berth bread starter oven council meeting forecast breeze lake evening weekend'.split(' ');
const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

/** A heavy user: 400 writings, 300 pages read, a persona with 40 claims (the limits the background loads). */
const context = (kind: JobContext['kind']): JobContext => ({
  kind,
  site: 'forum.example',
  url: 'https://forum.example/now',
  page: page('now', 'Which dinghy for a beginner?', sentence(1, 600)),
  source: { text: sentence(2, 80), question: 'Do I like sailing in winter?', survey: { question: 'I enjoy being on the water.', scale: { kind: 'likert', labels: ['1', '2', '3', '4', '5'] } } },
  persona: persona(40),
  writings: Array.from({ length: 400 }, (_, i) => writing(`w${i}`, sentence(i, 60), i % 3 ? 'forum.example' : 'other.example', i)),
  pages: Array.from({ length: 300 }, (_, i) => page(`p${i}`, sentence(i, 8), sentence(i, 400))),
  reactions: [],
});

test('task job building: time and prompt size for a heavy history', () => {
  const rows = (['draft', 'react', 'interview', 'survey'] as const).map((kind) => {
    buildJob(context(kind));
    const runs = 10;
    const start = performance.now();
    let job = buildJob(context(kind));
    for (let i = 1; i < runs; i++) job = buildJob(context(kind));
    const ms = (performance.now() - start) / runs;
    const promptTokens = job.messages.reduce((sum, m) => sum + estimateTokens(m.content), 0);
    return { kind, 'ms per job': ms.toFixed(1), 'persona+evidence tokens (est.)': job.contextTokens, 'prompt tokens (est.)': promptTokens, evidence: job.evidence?.length ?? 0, 'scoring steps': job.scoring?.length ?? 0 };
  });
  console.table(rows);
});
