import { render } from 'preact';
import '../../ui/theme.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
