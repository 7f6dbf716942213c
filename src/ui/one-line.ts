import type { Job } from '../core/model/job';
import { argmax } from '../core/tasks/distribution';
import { t } from './i18n';

/** A finished job in one line, for lists (the popup's last results): its result in words, not model output. */
export const oneLine = (job: Job): string => {
  const result = job.result;
  switch (result?.kind) {
    case 'draft':
      return result.text;
    case 'react': {
      const set = result.sets[0];
      const likely = set ? (set.options[argmax(set.probabilities)] ?? '') : '';
      return likely ? t('oneLineReact', likely, result.thought ?? '') : (result.thought ?? '');
    }
    case 'interview':
      return result.answer;
    case 'survey':
      return result.probabilities ? (result.options[argmax(result.probabilities)]?.label ?? '') : (result.reason ?? '');
    default:
      return '';
  }
};
