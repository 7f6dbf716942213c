import { render } from 'preact';
import '../../ui/theme.css';
import { Onboarding } from './Onboarding';

render(<Onboarding />, document.getElementById('app')!);
