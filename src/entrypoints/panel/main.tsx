import { render } from 'preact';
import '../../ui/theme.css';
import { Panel } from './Panel';

render(<Panel />, document.getElementById('app')!);
